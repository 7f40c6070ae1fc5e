package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;

import java.time.LocalDate;

import static org.isrcregistry.core.recording.Require.optionalText;
import static org.isrcregistry.core.recording.Require.present;

/** A null distributor means the recording is no longer distributed by anyone. */
public record ChangeDistributor(Isrc isrc, String distributor, LocalDate effectiveDate) implements RecordingCommand {

    public ChangeDistributor {
        present(isrc, "isrc");
        distributor = optionalText(distributor);
        present(effectiveDate, "effective date");
    }
}
