package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.input.Dates;
import org.isrcregistry.core.input.Text;

import java.time.LocalDate;

import static org.isrcregistry.core.recording.Require.present;

/** A null distributor means the recording is no longer distributed by anyone. */
public record ChangeDistributor(Isrc isrc, String distributor, LocalDate effectiveDate) implements RecordingCommand {

    public ChangeDistributor {
        present(isrc, "isrc");
        distributor = Text.optionalLine(distributor, "distributor", Text.NAME);
        Dates.inRange(present(effectiveDate, "effectiveDate"), "effectiveDate");
    }
}
