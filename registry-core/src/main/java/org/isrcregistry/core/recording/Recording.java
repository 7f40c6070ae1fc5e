package org.isrcregistry.core.recording;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.rule.RegistryRuleException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;

/**
 * One recording and its ISRC, for the recording's whole life: the ISRC never changes through sales,
 * licences, distributor changes and re-releases, and a withdrawn ISRC stays withdrawn. Its stream is opened
 * only by the {@code Prefix} that took its designation ({@link Recordings#open}).
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Recording {

    private static final String AUDIO_CHANGED = "the audio changed; declare a new version";

    @AggregateIdentifier
    private String id;
    private Isrc isrc;
    private RecordingMetadata metadata;
    private String owner;
    private LocalDate ownerSince;
    private String distributor;
    private LocalDate distributorSince;
    private AudioFingerprint fingerprint;
    private Isrc audioIsrc;
    private RecordingStatus status;
    private Isrc parent;
    private List<Isrc> children = new ArrayList<>();
    private List<Release> releases = new ArrayList<>();
    private List<Iswc> works = new ArrayList<>();

    public Recording() {
    }

    /**
     * The events that open a recording's stream, in order: its creation and, if any, the possible duplicates found
     * when it was created. {@link Recordings#open} appends them for the prefix that took the designation.
     */
    static List<RecordingEvent> openingEvents(RecordingCreated created, List<Isrc> possibleDuplicates) {
        return possibleDuplicates.isEmpty() ? List.of(created)
                : List.of(created, new PossibleDuplicateDetected(created.isrc(), List.copyOf(possibleDuplicates)));
    }

    @CommandHandler
    public void handle(TransferOwnership command) {
        requireActive();
        if (command.newOwner().equals(owner)) {
            return;
        }
        requireInOrder(ownerSince, command.effectiveDate(), "the last transfer of ownership");
        apply(new OwnershipTransferred(isrc, owner, command.newOwner(), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(ChangeDistributor command) {
        requireActive();
        if (Objects.equals(command.distributor(), distributor)) {
            return;
        }
        requireInOrder(distributorSince, command.effectiveDate(), "the last change of distributor");
        apply(new DistributorChanged(isrc, distributor, command.distributor(), command.effectiveDate()));
    }

    @CommandHandler
    public void handle(CorrectMetadata command, RecordingRules rules) {
        requireActive();
        RecordingMetadata corrected = command.correction().appliedTo(metadata);
        if (corrected.kind() != metadata.kind()) {
            throw new RegistryRuleException(RULE_REFUSED, "kind",
                    "a correction cannot change the kind from " + metadata.kind() + " to " + corrected.kind()
                            + ": " + AUDIO_CHANGED,
                    "Declare a new version, or assign the music video its own ISRC.");
        }
        long difference = Math.abs(corrected.duration().differenceMillis(metadata.duration()));
        if (difference > rules.durationCorrectionTolerance().toMillis()) {
            throw new RegistryRuleException(RULE_REFUSED, "duration",
                    "the duration changes by %d ms, more than the %d s a correction allows: %s".formatted(
                            difference, rules.durationCorrectionTolerance().toSeconds(), AUDIO_CHANGED),
                    "Declare a new version (different playing time) to get a new ISRC.");
        }
        if (!corrected.equals(metadata)) {
            apply(new MetadataCorrected(isrc, corrected, command.reason()));
        }
    }

    @CommandHandler
    public void handle(LinkRelease command) {
        requireActive();
        Release release = command.release();
        for (Release linked : releases) {
            if (linked.code().value().equals(release.code().value())) {
                if (linked.equals(release)) {
                    return;
                }
                throw new RegistryRuleException(CONFLICT, "release",
                        "release " + release.code().value() + " is already linked with other details",
                        "Link the release with the same title, format and territories, or check the release code.");
            }
        }
        apply(new ReleaseLinked(isrc, release));
    }

    @CommandHandler
    public void handle(LinkWork command) {
        requireActive();
        if (!works.contains(command.iswc())) {
            apply(new WorkLinked(isrc, command.iswc()));
        }
    }

    @CommandHandler
    public void handle(WithdrawIsrc command, Recordings recordings) {
        requireActive();
        if (command.duplicateOf() != null) {
            if (command.duplicateOf().equals(isrc)) {
                throw new RegistryRuleException(RULE_REFUSED, "duplicateOf",
                        "an ISRC cannot be a duplicate of itself", "Name the ISRC the recording keeps.");
            }
            recordings.checkCanBeKeptInsteadOf(command.duplicateOf(), isrc);
        }
        apply(new IsrcWithdrawn(isrc, command.reason(), command.duplicateOf()));
    }

    void checkIsAudioOfVideo() {
        MusicVideo.checkLinkedRecording(isrc, metadata.kind());
    }

    void checkCanHaveNewVersion(RecordingDetails version) {
        requireActive();
        if (fingerprint != null && fingerprint.equals(version.fingerprint())) {
            throw new RegistryRuleException(RULE_REFUSED, "fingerprint",
                    "the audio fingerprint equals " + isrc.display() + "'s: \"a new ISRC is required only when the"
                            + " audio changes; a new ISRC for unchanged audio splits streams and royalties\"",
                    "Keep using " + isrc.display() + "; a new release or format keeps the ISRC.");
        }
    }

    void recordNewVersion(Isrc newIsrc, VersionReason reason) {
        apply(new NewVersionDeclared(isrc, newIsrc, reason));
    }

    void checkCanBeKeptInsteadOf(Isrc duplicate) {
        if (status == RecordingStatus.WITHDRAWN) {
            throw new RegistryRuleException(WITHDRAWN, "duplicateOf",
                    isrc.display() + " is itself withdrawn and cannot replace " + duplicate.display(),
                    "Name the ISRC that stays in use.");
        }
    }

    RecordingDetails details() {
        return new RecordingDetails(metadata, owner, distributor, fingerprint, audioIsrc);
    }

    private void requireActive() {
        if (status == RecordingStatus.WITHDRAWN) {
            throw new RegistryRuleException(WITHDRAWN, "isrc",
                    isrc.display() + " is withdrawn for ever and cannot change",
                    "Use the ISRC that replaced it, or assign a new one.");
        }
    }

    private void requireInOrder(LocalDate since, LocalDate effectiveDate, String what) {
        if (since != null && effectiveDate.isBefore(since)) {
            throw new RegistryRuleException(RULE_REFUSED, "effectiveDate",
                    "the effective date " + effectiveDate + " is before " + what + " (" + since + ")",
                    "Give an effective date on or after " + since + ".");
        }
    }

    @EventSourcingHandler
    void on(IsrcAssigned event) {
        created(event);
        parent = event.parent();
    }

    @EventSourcingHandler
    void on(ExistingIsrcRegistered event) {
        created(event);
    }

    private void created(RecordingCreated event) {
        RecordingDetails details = event.details();
        id = event.isrc().value();
        isrc = event.isrc();
        metadata = details.metadata();
        owner = details.owner();
        distributor = details.distributor();
        fingerprint = details.fingerprint();
        audioIsrc = details.audioIsrc();
        status = RecordingStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(NewVersionDeclared event) {
        children.add(event.newIsrc());
    }

    @EventSourcingHandler
    void on(OwnershipTransferred event) {
        owner = event.newOwner();
        ownerSince = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(DistributorChanged event) {
        distributor = event.distributor();
        distributorSince = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(MetadataCorrected event) {
        metadata = event.metadata();
    }

    @EventSourcingHandler
    void on(ReleaseLinked event) {
        releases.add(event.release());
    }

    @EventSourcingHandler
    void on(WorkLinked event) {
        works.add(event.iswc());
    }

    @EventSourcingHandler
    void on(IsrcWithdrawn event) {
        status = RecordingStatus.WITHDRAWN;
    }
}
