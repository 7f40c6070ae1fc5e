package org.isrcregistry.api.recording;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.recording.RecordingProjection;
import org.isrcregistry.projections.recording.RecordingQueries;
import org.isrcregistry.projections.recording.RecordingState;
import org.springframework.stereotype.Component;

/**
 * The state a command's response carries: folded from the recording's own events in the event store, so it is exact
 * the moment the command commits, after waiting for the read models so that a GET right after shows it too.
 */
@Component
class RecordingStates {

    private final EventStore eventStore;
    private final ReadYourWrites readYourWrites;
    private final RecordingQueries queries;

    RecordingStates(EventStore eventStore, ReadYourWrites readYourWrites, RecordingQueries queries) {
        this.eventStore = eventStore;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
    }

    RecordingState after(Isrc isrc) {
        readYourWrites.awaitProjections(RecordingProjection.PROCESSING_GROUP, PrefixProjection.PROCESSING_GROUP);
        return fold(isrc);
    }

    /**
     * The states of many recordings a command (a batch) created, with one wait for the read models and one query:
     * once the recordings read model has passed the events committed so far it holds the same fold of the same
     * events, or a later one. Those it does not hold (the wait timed out) are folded from the event store.
     */
    Map<Isrc, RecordingState> after(Collection<Isrc> isrcs) {
        Map<Isrc, RecordingState> states = new HashMap<>();
        if (readYourWrites.awaitProjections(RecordingProjection.PROCESSING_GROUP, PrefixProjection.PROCESSING_GROUP)) {
            queries.findAll(isrcs).forEach(state -> states.put(state.isrc(), state));
        }
        isrcs.forEach(isrc -> states.computeIfAbsent(isrc, this::fold));
        return states;
    }

    private RecordingState fold(Isrc isrc) {
        // From sequence 0: never from a snapshot, which holds the aggregate, not events.
        return RecordingState.fold(eventStore.readEvents(isrc.value(), 0).asStream().toList())
                .orElseThrow(() -> new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "isrc",
                        isrc.display() + " is not registered", "Check the ISRC, or register the recording first."));
    }

    RecordingResponse response(Isrc isrc, List<Isrc> possibleDuplicates) {
        return new RecordingResponse(isrc, isrc.display(), possibleDuplicates, after(isrc));
    }
}
