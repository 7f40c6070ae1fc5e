package org.isrcregistry.core.recording;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.rule.RegistryRuleException;

import java.util.Objects;
import java.util.function.Supplier;

import static org.isrcregistry.core.rule.RegistryRuleException.Kind.NOT_FOUND;

/**
 * The recordings other aggregates' command handlers look at or change: the parent of a new version,
 * the audio of a music video, the original of a duplicate. They are loaded through the recording
 * repository inside the handler's unit of work, so their changes commit or roll back with it.
 * Injected into command handlers as a resource.
 */
public final class Recordings {

    private final Supplier<? extends Repository<Recording>> repository;

    /** A supplier, because the repository may be built after this resource (Axon's Configurer). */
    public Recordings(Supplier<? extends Repository<Recording>> repository) {
        this.repository = Objects.requireNonNull(repository);
    }

    public static Recordings in(Repository<Recording> repository) {
        return new Recordings(() -> repository);
    }

    /** A music video may point only at a registered audio recording. */
    public void checkIsAudio(Isrc audioIsrc) {
        load(audioIsrc, "audioIsrc").execute(Recording::checkIsAudioOfVideo);
    }

    public void checkCanHaveNewVersion(Isrc parent, RecordingDetails version) {
        load(parent, "parent").execute(recording -> recording.checkCanHaveNewVersion(version));
    }

    public void recordNewVersion(Isrc parent, Isrc newIsrc, VersionReason reason) {
        load(parent, "parent").execute(recording -> recording.recordNewVersion(newIsrc, reason));
    }

    public void checkCanBeKeptInsteadOf(Isrc original, Isrc duplicate) {
        load(original, "duplicateOf").execute(recording -> recording.checkCanBeKeptInsteadOf(duplicate));
    }

    public RecordingDetails detailsOf(Isrc isrc) {
        return load(isrc, "isrc").invoke(Recording::details);
    }

    private Aggregate<Recording> load(Isrc isrc, String field) {
        try {
            return repository.get().load(isrc.value());
        } catch (AggregateNotFoundException e) {
            throw new RegistryRuleException(NOT_FOUND, field, isrc.display() + " is not registered",
                    "Check the ISRC, or register the recording first.");
        }
    }
}
