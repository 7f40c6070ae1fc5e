package org.isrcregistry.projections.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.projections.audit.EventReasons;
import org.isrcregistry.projections.recording.RecordingState;

/**
 * A recording's own events, read from the event store itself rather than a read model: exact, and current the
 * moment a command commits. Snapshots are bypassed (reading from sequence 0), so every event is seen.
 */
public class RecordingHistory {

    /** One event of the recording's stream, with who acted, the request it came from and the reason it records. */
    public record Entry(long sequenceNumber, Instant at, String type, String actor, String correlationId,
                        String causationId, String reason, Object event) {
    }

    private final EventStore eventStore;

    public RecordingHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Every event of the recording, in order; empty if no such recording exists. */
    public List<Entry> entries(Isrc isrc) {
        return events(isrc).stream().map(RecordingHistory::entry).toList();
    }

    /** The recording's state now: the fold of all its events. Empty if no such recording exists. */
    public Optional<RecordingState> current(Isrc isrc) {
        return RecordingState.fold(events(isrc));
    }

    /**
     * The recording's state at {@code instant}: the fold of the events stored at or before it. Empty if the
     * recording did not exist yet (or does not exist).
     */
    public Optional<RecordingState> asOf(Isrc isrc, Instant instant) {
        return RecordingState.fold(events(isrc).stream().filter(e -> !e.getTimestamp().isAfter(instant)).toList());
    }

    private List<? extends DomainEventMessage<?>> events(Isrc isrc) {
        return eventStore.readEvents(isrc.value(), 0L).asStream().toList();
    }

    private static Entry entry(DomainEventMessage<?> message) {
        return new Entry(message.getSequenceNumber(), message.getTimestamp(),
                message.getPayloadType().getSimpleName(), text(message, "actor"), text(message, "correlationId"),
                text(message, "causationId"), EventReasons.of(message.getPayload()), message.getPayload());
    }

    private static String text(DomainEventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
