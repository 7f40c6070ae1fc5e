package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set-based rules across recordings, which no single aggregate can check: one ISRC per audio,
 * and a warning when a recording looks like one already registered.
 *
 * <p>Implementations must answer from a lookup written in the same transaction as the events (not
 * from a read model that lags), with a unique constraint on the active fingerprint as the last
 * guard against two concurrent registrations of the same audio.
 */
public interface RecordingCatalogue {

    /** The ACTIVE recording with this audio fingerprint, if any. */
    Optional<Isrc> activeRecordingWithFingerprint(AudioFingerprint fingerprint);

    /**
     * ACTIVE recordings that may be the same as one described by {@code metadata}: see
     * {@link RecordingMetadata#possibleDuplicateOf(RecordingMetadata)}.
     */
    List<Isrc> possibleDuplicatesOf(RecordingMetadata metadata);

    /**
     * {@link #activeRecordingWithFingerprint} for a whole batch: the fingerprints that have an active recording.
     * Implementations backed by a database answer with one query, not one per fingerprint.
     */
    default Map<AudioFingerprint, Isrc> activeRecordingsWithFingerprints(Collection<AudioFingerprint> fingerprints) {
        Map<AudioFingerprint, Isrc> found = new HashMap<>();
        fingerprints.forEach(fingerprint -> activeRecordingWithFingerprint(fingerprint)
                .ifPresent(isrc -> found.put(fingerprint, isrc)));
        return found;
    }

    /** {@link #possibleDuplicatesOf} for a whole batch, every one of {@code metadata} a key (one query). */
    default Map<RecordingMetadata, List<Isrc>> possibleDuplicatesOfEach(Collection<RecordingMetadata> metadata) {
        Map<RecordingMetadata, List<Isrc>> found = new HashMap<>();
        metadata.forEach(each -> found.put(each, possibleDuplicatesOf(each)));
        return found;
    }
}
