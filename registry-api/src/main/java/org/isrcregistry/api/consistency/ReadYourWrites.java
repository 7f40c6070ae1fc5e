package org.isrcregistry.api.consistency;

import java.time.Duration;
import java.util.Collection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.isrcregistry.projections.EventStoreHead;
import org.isrcregistry.projections.ReadModels;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the HTTP API: after a command commits, the request waits (briefly) until the read models'
 * streaming processors have handled every event committed so far, so a {@code GET} right after it shows the change.
 * The command's own events are committed before the head of the store is read, so the head covers them.
 */
@Component
public class ReadYourWrites {

    private static final Duration POLL = Duration.ofMillis(2);

    private final EventStorageEngine store;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    ReadYourWrites(EventStorageEngine store, EventProcessingConfiguration processing,
                   @org.springframework.beans.factory.annotation.Value("${registry.api.read-your-writes-timeout:5s}")
                   Duration timeout) {
        this.store = store;
        this.processing = processing;
        this.timeout = timeout;
    }

    /** Waits until the read models the queries serve ({@link ReadModels#QUERIED}) have caught up; see below. */
    public boolean awaitReadModels() {
        return awaitProjections(ReadModels.QUERIED.toArray(String[]::new));
    }

    /** Waits until each named processor has passed the head of the event store; false if the wait timed out. */
    public boolean awaitProjections(String... processorNames) {
        long head = EventStoreHead.of(store);
        if (head < 0) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : processorNames) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalArgumentException("No streaming processor " + name));
            while (!passed(processor.processingStatus().values(), head)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean passed(Collection<EventTrackerStatus> segments, long head) {
        return !segments.isEmpty() && segments.stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
    }
}
