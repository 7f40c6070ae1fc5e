package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.input.Dates;
import org.isrcregistry.core.input.Text;

import java.time.LocalDate;

import static org.isrcregistry.core.recording.Require.present;

public record TransferOwnership(Isrc isrc, String newOwner, LocalDate effectiveDate) implements RecordingCommand {

    public TransferOwnership {
        present(isrc, "isrc");
        newOwner = Text.line(newOwner, "newOwner", Text.NAME);
        Dates.inRange(present(effectiveDate, "effectiveDate"), "effectiveDate");
    }
}
