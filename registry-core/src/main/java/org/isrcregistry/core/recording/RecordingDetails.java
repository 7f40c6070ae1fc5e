package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.input.Text;

import static org.isrcregistry.core.recording.Require.present;

/**
 * What a registrant declares about a recording when it gets its ISRC: the metadata, the owner of the
 * master, the distributor (optional), the audio fingerprint (optional) and, for a music video, the
 * ISRC of its audio recording (optional).
 */
public record RecordingDetails(
        RecordingMetadata metadata,
        String owner,
        String distributor,
        AudioFingerprint fingerprint,
        Isrc audioIsrc) {

    public RecordingDetails {
        present(metadata, "metadata");
        owner = Text.line(owner, "owner", Text.NAME);
        distributor = Text.optionalLine(distributor, "distributor", Text.NAME);
        MusicVideo.checkLink(metadata.kind(), audioIsrc);
    }
}
