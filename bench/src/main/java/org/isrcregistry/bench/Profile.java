package org.isrcregistry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the registry spent its CPU, from its JFR execution samples: the methods on top of the stacks, and the threads
 * (by name, numbers folded, so a pool or a processor's segments count as one), most frequent first.
 */
final class Profile {

    private Profile() {
    }

    static List<String> hotMethods(Path recording, int limit) {
        return top(recording, limit, event -> {
            RecordedFrame top = event.getStackTrace().getFrames().get(0);
            return top.getMethod().getType().getName() + "." + top.getMethod().getName();
        });
    }

    static List<String> busiestThreads(Path recording, int limit) {
        return top(recording, limit, event -> {
            RecordedThread thread = event.getThread("sampledThread");
            return thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName().replaceAll("\\d+", "#");
        });
    }

    private static List<String> top(Path recording, int limit, Function<RecordedEvent, String> key) {
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
                counts.merge(key.apply(event), 1, Integer::sum);
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
