package org.isrcregistry.projections.recording;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.Contributor;
import org.isrcregistry.core.recording.DistributorChanged;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.MetadataCorrected;
import org.isrcregistry.core.recording.NewVersionDeclared;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.core.recording.PossibleDuplicateDetected;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.RecordingStatus;
import org.isrcregistry.core.recording.Release;
import org.isrcregistry.core.recording.ReleaseLinked;
import org.isrcregistry.core.recording.VersionReason;
import org.isrcregistry.core.recording.WithdrawalReason;
import org.isrcregistry.core.recording.WorkLinked;

/**
 * A recording's public state: the fold of its own stream's events, in order. The one representation of a recording
 * everywhere: the read model stores it, {@code ?asOf=} folds it from the event store up to an instant, and the
 * Kafka state topic publishes it. {@code version} is the sequence number of the last event applied (0 after the
 * first), so a consumer can tell a newer state from an older one.
 */
public record RecordingState(
        Isrc isrc,
        RecordingKind kind,
        String title,
        String versionTitle,
        String mainArtist,
        List<Contributor> contributors,
        RecordingDuration duration,
        LocalDate firstPublished,
        String owner,
        LocalDate ownerSince,
        String distributor,
        LocalDate distributorSince,
        AudioFingerprint fingerprint,
        Isrc audioIsrc,
        RecordingStatus status,
        WithdrawalReason withdrawalReason,
        Isrc duplicateOf,
        Isrc parent,
        VersionReason versionReason,
        List<Isrc> children,
        List<Release> releases,
        List<Iswc> works,
        List<Isrc> possibleDuplicates,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public RecordingState {
        contributors = List.copyOf(contributors == null ? List.of() : contributors);
        children = List.copyOf(children == null ? List.of() : children);
        releases = List.copyOf(releases == null ? List.of() : releases);
        works = List.copyOf(works == null ? List.of() : works);
        possibleDuplicates = List.copyOf(possibleDuplicates == null ? List.of() : possibleDuplicates);
    }

    /**
     * What anybody may read: every field but the audio fingerprint (the registrant's evidence of its audio, which
     * would let anyone test a file against the catalogue) and the registry's possible-duplicate warnings (its own
     * review). Tokens read them in the histories and the lists.
     */
    public RecordingState forPublic() {
        return new RecordingState(isrc, kind, title, versionTitle, mainArtist, contributors, duration, firstPublished,
                owner, ownerSince, distributor, distributorSince, null, audioIsrc, status, withdrawalReason,
                duplicateOf, parent, versionReason, children, releases, works, List.of(), createdAt, updatedAt,
                version);
    }

    private static RecordingState created(RecordingCreated event, Instant at) {
        RecordingDetails details = event.details();
        RecordingMetadata m = details.metadata();
        Isrc parent = event instanceof IsrcAssigned assigned ? assigned.parent() : null;
        VersionReason reason = event instanceof IsrcAssigned assigned ? assigned.versionReason() : null;
        return new RecordingState(event.isrc(), m.kind(), m.title(), m.versionTitle(), m.mainArtist(),
                m.contributors(), m.duration(), m.firstPublished(), details.owner(), null, details.distributor(),
                null, details.fingerprint(), details.audioIsrc(), RecordingStatus.ACTIVE, null, null, parent, reason,
                List.of(), List.of(), List.of(), List.of(), at, at, 0);
    }

    /**
     * Folds a recording's stream, in order, into its state; empty when the stream is empty.
     *
     * @throws IllegalArgumentException if the first event does not create a recording
     */
    public static Optional<RecordingState> fold(Iterable<? extends EventMessage<?>> events) {
        RecordingState state = null;
        for (EventMessage<?> message : events) {
            RecordingEvent event = (RecordingEvent) message.getPayload();
            state = state == null ? start(event, message.getTimestamp()) : state.apply(event, message.getTimestamp());
        }
        return Optional.ofNullable(state);
    }

    /** The state after the first event of the recording's stream, which must create the recording. */
    public static RecordingState start(RecordingEvent event, Instant at) {
        if (event instanceof RecordingCreated created) {
            return created(created, at);
        }
        throw new IllegalArgumentException("a recording's stream starts with its creation, not " + event);
    }

    /** The state after one more event of the same recording's stream. */
    public RecordingState apply(RecordingEvent event, Instant at) {
        if (!event.isrc().equals(isrc)) {
            throw new IllegalArgumentException(event + " is not an event of " + isrc);
        }
        Builder next = new Builder(this, at);
        if (event instanceof OwnershipTransferred e) {
            next.owner = e.newOwner();
            next.ownerSince = e.effectiveDate();
        } else if (event instanceof DistributorChanged e) {
            next.distributor = e.distributor();
            next.distributorSince = e.effectiveDate();
        } else if (event instanceof MetadataCorrected e) {
            next.metadata = e.metadata();
        } else if (event instanceof NewVersionDeclared e) {
            next.children.add(e.newIsrc());
        } else if (event instanceof ReleaseLinked e) {
            next.releases.add(e.release());
        } else if (event instanceof WorkLinked e) {
            next.works.add(e.iswc());
        } else if (event instanceof PossibleDuplicateDetected e) {
            next.possibleDuplicates.addAll(e.candidates());
        } else if (event instanceof IsrcWithdrawn e) {
            next.status = RecordingStatus.WITHDRAWN;
            next.withdrawalReason = e.reason();
            next.duplicateOf = e.duplicateOf();
        } else if (event instanceof RecordingCreated) {
            throw new IllegalArgumentException(isrc + " already exists; " + event + " cannot create it again");
        } else {
            throw new IllegalArgumentException("unknown recording event " + event.getClass().getName());
        }
        return next.build();
    }

    /** The IFPI minimum metadata, as the aggregate holds it. */
    public RecordingMetadata metadata() {
        return new RecordingMetadata(title, versionTitle, mainArtist, contributors, duration, kind, firstPublished);
    }

    /** E.g. {@code CA-K7Q-26-00001}. */
    @JsonProperty("display")
    public String display() {
        return isrc.display();
    }

    @JsonProperty("prefix")
    public PrefixCode prefix() {
        return isrc.prefixCode();
    }

    /** The last two digits of the year the code was assigned. */
    @JsonProperty("yearOfReference")
    public int yearOfReference() {
        return isrc.yearOfReference();
    }

    /** The five-digit designation code. */
    @JsonProperty("designation")
    public String designation() {
        return isrc.value().substring(7);
    }

    private static final class Builder {
        private final RecordingState from;
        private final Instant at;
        private RecordingMetadata metadata;
        private String owner;
        private LocalDate ownerSince;
        private String distributor;
        private LocalDate distributorSince;
        private RecordingStatus status;
        private WithdrawalReason withdrawalReason;
        private Isrc duplicateOf;
        private final List<Isrc> children;
        private final List<Release> releases;
        private final List<Iswc> works;
        private final List<Isrc> possibleDuplicates;

        private Builder(RecordingState from, Instant at) {
            this.from = from;
            this.at = at;
            metadata = from.metadata();
            owner = from.owner;
            ownerSince = from.ownerSince;
            distributor = from.distributor;
            distributorSince = from.distributorSince;
            status = from.status;
            withdrawalReason = from.withdrawalReason;
            duplicateOf = from.duplicateOf;
            children = new ArrayList<>(from.children);
            releases = new ArrayList<>(from.releases);
            works = new ArrayList<>(from.works);
            possibleDuplicates = new ArrayList<>(from.possibleDuplicates);
        }

        private RecordingState build() {
            RecordingMetadata m = metadata;
            return new RecordingState(from.isrc, m.kind(), m.title(), m.versionTitle(), m.mainArtist(),
                    m.contributors(), m.duration(), m.firstPublished(), owner, ownerSince, distributor,
                    distributorSince, from.fingerprint, from.audioIsrc, status, withdrawalReason, duplicateOf,
                    from.parent, from.versionReason, children, releases, works, possibleDuplicates, from.createdAt,
                    at, from.version + 1);
        }
    }
}
