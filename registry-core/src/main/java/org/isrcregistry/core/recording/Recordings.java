package org.isrcregistry.core.recording;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.rule.RegistryRuleException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import static org.isrcregistry.core.rule.RegistryRuleException.Kind.NOT_FOUND;

/**
 * The recordings other aggregates' command handlers look at or change: the parent of a new version,
 * the audio of a music video, the original of a duplicate. They are loaded through the recording
 * repository inside the handler's unit of work, so their changes commit or roll back with it.
 * Injected into command handlers as a resource.
 *
 * <p>New recordings are not built as aggregates: {@link #open} publishes the events that open their streams, in the
 * handler's unit of work, exactly as a recording's own {@code apply} would (type, identifier, sequence numbers,
 * metadata with the unit of work's correlation data). A batch of thousands of registrations then costs no aggregate
 * instance, no repository registration and no per-aggregate commit; the recordings are loaded from those events later
 * like any other.
 */
public final class Recordings {

    /** The aggregate type of the recordings' streams (Axon's default: the class's simple name). */
    public static final String TYPE = Recording.class.getSimpleName();
    private static final String OPENED = Recordings.class.getName() + ".opened";

    private final Supplier<? extends Repository<Recording>> repository;
    private final Supplier<? extends EventBus> eventBus;

    /** Suppliers, because the repository and the event store may be built after this resource (Axon's Configurer). */
    public Recordings(Supplier<? extends Repository<Recording>> repository, Supplier<? extends EventBus> eventBus) {
        this.repository = Objects.requireNonNull(repository);
        this.eventBus = Objects.requireNonNull(eventBus);
    }

    /**
     * Opens the stream of a recording whose designation the calling prefix has just taken.
     *
     * @param metaData added to the events, over the command's (one request of a batch command)
     */
    public void open(RecordingCreated created, List<Isrc> possibleDuplicates, MetaData metaData) {
        List<RecordingEvent> events = Recording.openingEvents(created, possibleDuplicates);
        for (int sequence = 0; sequence < events.size(); sequence++) {
            eventBus.get().publish(new GenericDomainEventMessage<>(TYPE, created.isrc().value(), sequence,
                    events.get(sequence), metaData));
        }
        opened().put(created.isrc(), created.details());
    }

    /** The recording a music video links to is registered and is audio ({@link MusicVideo}). */
    public void checkIsAudio(Isrc audioIsrc) {
        RecordingDetails openedNow = opened().get(audioIsrc);
        if (openedNow != null) {
            MusicVideo.checkLinkedRecording(audioIsrc, openedNow.metadata().kind());
            return;
        }
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
        RecordingDetails openedNow = opened().get(isrc);
        return openedNow != null ? openedNow : load(isrc, "isrc").invoke(Recording::details);
    }

    /** The recordings opened in this unit of work: their events are not in the event store before it commits. */
    private static Map<Isrc, RecordingDetails> opened() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(OPENED, key -> new HashMap<>());
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
