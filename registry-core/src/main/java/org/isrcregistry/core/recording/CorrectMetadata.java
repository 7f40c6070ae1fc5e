package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.input.Text;

import static org.isrcregistry.core.recording.Require.present;

/** Corrects the metadata of the same audio; the reason is kept in the history. */
public record CorrectMetadata(Isrc isrc, MetadataCorrection correction, String reason) implements RecordingCommand {

    public CorrectMetadata {
        present(isrc, "isrc");
        present(correction, "correction");
        reason = Text.paragraph(reason, "reason", Text.REASON);
    }

    /** Replaces the metadata with its corrected version. */
    public CorrectMetadata(Isrc isrc, RecordingMetadata metadata, String reason) {
        this(isrc, MetadataCorrection.replacingWith(present(metadata, "metadata")), reason);
    }
}
