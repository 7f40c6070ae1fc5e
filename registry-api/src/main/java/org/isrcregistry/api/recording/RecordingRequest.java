package org.isrcregistry.api.recording;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.input.Text;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.Contributor;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.registrant.ClientId;

/**
 * What a registrant declares about a recording: IFPI's minimum metadata, the owner of the master, and optionally the
 * distributor, the audio fingerprint and (for a music video) the ISRC of its audio; for a new code under an ISRC
 * Manager's prefix, the client it is for.
 */
public record RecordingRequest(
        @NotBlank @Size(max = Text.TITLE) String title,
        @Size(max = Text.TITLE) @Schema(description = "e.g. \"Radio edit\", \"Live at the Olympia\"") String versionTitle,
        @NotBlank @Size(max = Text.TITLE) String mainArtist,
        @Size(max = 200) List<@NotNull @Valid Contributor> contributors,
        @NotNull @Schema(type = "string", example = "PT3M18.5S",
                description = "ISO 8601 duration, or seconds (198.5)") RecordingDuration duration,
        @NotNull RecordingKind kind,
        @Schema(description = "date of first publication; leave out while unpublished") LocalDate firstPublished,
        @NotBlank @Size(max = Text.NAME) @Schema(description = "the owner of the master") String owner,
        @Size(max = Text.NAME) String distributor,
        @Schema(type = "string", description = "SHA-256 of the master's audio, 64 hex digits") AudioFingerprint fingerprint,
        @Schema(type = "string", description = "a music video's audio recording") Isrc audioIsrc,
        @Schema(type = "string", format = "uuid", description = "under an ISRC Manager's prefix, required: the client"
                + " (the owner, who authorised the manager) the code is assigned for, as POST"
                + " /v1/registrants/{id}/clients answered; the owner must be that client. Read by assignments and new"
                + " versions (each takes a new code)")
        ClientId client) {

    public RecordingMetadata metadata() {
        return new RecordingMetadata(title, versionTitle, mainArtist, contributors, duration, kind, firstPublished);
    }

    public RecordingDetails details() {
        return new RecordingDetails(metadata(), owner, distributor, fingerprint, audioIsrc);
    }
}
