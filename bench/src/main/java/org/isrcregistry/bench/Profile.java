package org.isrcregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Where the registry spent its CPU: the methods on top of its JFR execution samples, most frequent first. */
final class Profile {

    private Profile() {
    }

    static List<String> hotMethods(Path recording, int limit) {
        if (!Files.exists(recording)) {
            return List.of("no recording at " + recording);
        }
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                RecordedFrame top = event.getStackTrace().getFrames().get(0);
                counts.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
                total++;
            }
        } catch (IOException e) {
            return List.of("unreadable recording " + recording + ": " + e);
        }
        int all = Math.max(1, total);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .map(e -> "%5.1f%%  %s".formatted(100.0 * e.getValue() / all, e.getKey()))
                .toList();
    }
}
