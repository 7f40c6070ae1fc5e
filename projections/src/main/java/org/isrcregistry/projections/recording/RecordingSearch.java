package org.isrcregistry.projections.recording;

import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingStatus;

/**
 * What to search for; null means any. {@code title} and {@code artist} match anywhere in the title or main artist,
 * whatever the case and accents; {@code yearOfReference} is the two-digit year of the code.
 */
public record RecordingSearch(String title, String artist, PrefixCode prefix, Integer yearOfReference,
                              RecordingKind kind, RecordingStatus status) {

    public static RecordingSearch ofPrefix(PrefixCode prefix) {
        return new RecordingSearch(null, null, prefix, null, null, null);
    }
}
