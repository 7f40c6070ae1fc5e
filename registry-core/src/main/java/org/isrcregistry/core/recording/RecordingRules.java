package org.isrcregistry.core.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * The agency's settings for recordings, injected into command handlers. A metadata correction may
 * change the duration by at most {@code durationCorrectionTolerance}; beyond it the audio changed
 * and needs a new ISRC (agencies use about 10 s).
 */
public record RecordingRules(Duration durationCorrectionTolerance) {

    public RecordingRules {
        Objects.requireNonNull(durationCorrectionTolerance, "durationCorrectionTolerance");
        if (durationCorrectionTolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance cannot be negative");
        }
    }

    public static RecordingRules defaults() {
        return new RecordingRules(Duration.ofSeconds(10));
    }
}
