package org.isrcregistry.core.rule;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.RecordingMetadata;

import java.util.List;
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
}
