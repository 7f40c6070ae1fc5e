package org.isrcregistry.api.recording;

import java.util.List;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.history.RecordingHistory;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.recording.RecordingProjection;
import org.isrcregistry.projections.recording.RecordingState;
import org.springframework.stereotype.Component;

/**
 * The state a command's response carries: folded from the recording's own events in the event store, so it is exact
 * the moment the command commits, after waiting for the read models so that a GET right after shows it too.
 */
@Component
class RecordingStates {

    private final RecordingHistory history;
    private final ReadYourWrites readYourWrites;

    RecordingStates(RecordingHistory history, ReadYourWrites readYourWrites) {
        this.history = history;
        this.readYourWrites = readYourWrites;
    }

    RecordingState after(Isrc isrc) {
        readYourWrites.awaitProjections(RecordingProjection.PROCESSING_GROUP, PrefixProjection.PROCESSING_GROUP);
        return current(isrc);
    }

    /** Folded from the event store, without waiting for the read models. */
    RecordingState current(Isrc isrc) {
        return history.current(isrc).orElseThrow(() -> new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND,
                "isrc", isrc.display() + " is not registered", "Check the ISRC, or register the recording first."));
    }

    RecordingResponse response(Isrc isrc, List<Isrc> possibleDuplicates) {
        return new RecordingResponse(isrc, isrc.display(), possibleDuplicates, after(isrc));
    }
}
