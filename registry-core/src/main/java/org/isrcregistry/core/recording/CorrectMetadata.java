package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;

import static org.isrcregistry.core.recording.Require.present;
import static org.isrcregistry.core.recording.Require.text;

/** Replaces the metadata with its corrected version; the reason is kept in the history. */
public record CorrectMetadata(Isrc isrc, RecordingMetadata metadata, String reason) implements RecordingCommand {

    public CorrectMetadata {
        present(isrc, "isrc");
        present(metadata, "metadata");
        reason = text(reason, "reason");
    }
}
