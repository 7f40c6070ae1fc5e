package org.isrcregistry.api.recording;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.projections.recording.RecordingState;

/**
 * A command's answer: the ISRC (12 characters), its display form, active recordings this one may duplicate (the
 * registration is accepted; check them), and the recording's state after the command.
 */
public record RecordingResponse(
        @Schema(type = "string", example = "CAK7Q2600001") Isrc isrc,
        @Schema(example = "CA-K7Q-26-00001") String display,
        @ArraySchema(arraySchema = @Schema(description = "ISRCs of active recordings with the same artist, title,"
                + " version and kind"), schema = @Schema(type = "string", example = "CAK7Q2600002"))
        List<Isrc> possibleDuplicates,
        RecordingState recording) {
}
