package org.isrcregistry.api.recording;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.history.RecordingHistory;
import org.isrcregistry.projections.recording.Lineage;
import org.isrcregistry.projections.recording.RecordingQueries;
import org.isrcregistry.projections.recording.RecordingState;
import org.springframework.stereotype.Component;

/**
 * One recording as every read and every command's answer shows it: the read model's row when it has applied the
 * recording's last stored event, else the fold of the recording's own events in the event store. So no command waits
 * for the read models, and a read right after a command's answer shows what the answer showed.
 */
@Component
public class RecordingStates {

    private final RecordingQueries queries;
    private final RecordingHistory history;

    RecordingStates(RecordingQueries queries, RecordingHistory history) {
        this.queries = queries;
        this.history = history;
    }

    /** The recording as it is now; empty if no such code is registered. */
    public Optional<RecordingState> find(Isrc isrc) {
        return queries.find(isrc).or(() -> history.current(isrc));
    }

    /** The recording as it is now. */
    public RecordingState current(Isrc isrc) {
        return orNotFound(find(isrc), isrc);
    }

    /** The recording folded from its own events: a command's answer, or a read that found the row missing or behind. */
    RecordingState folded(Isrc isrc) {
        return orNotFound(history.current(isrc), isrc);
    }

    private static RecordingState orNotFound(Optional<RecordingState> state, Isrc isrc) {
        return state.orElseThrow(() -> new RegistryRuleException(
                RegistryRuleException.Kind.NOT_FOUND, "isrc", isrc.display() + " is not registered",
                "Check the ISRC, or register the recording first."));
    }

    /** Its parent (if it is a new version) and its new versions, in ISRC order, each as it is now. */
    public Lineage lineage(RecordingState recording) {
        RecordingState parent = recording.parent() == null ? null : current(recording.parent());
        List<RecordingState> children = recording.children().stream().sorted(Comparator.comparing(Isrc::value))
                .map(this::current).toList();
        return new Lineage(parent, children);
    }

    /** A command's answer: the recording folded from its stream as the command committed it. */
    RecordingResponse response(Isrc isrc, List<Isrc> possibleDuplicates) {
        return new RecordingResponse(isrc, isrc.display(), possibleDuplicates, folded(isrc));
    }
}
