package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;

import java.time.LocalDate;

import static org.isrcregistry.core.recording.Require.present;
import static org.isrcregistry.core.recording.Require.text;

public record TransferOwnership(Isrc isrc, String newOwner, LocalDate effectiveDate) implements RecordingCommand {

    public TransferOwnership {
        present(isrc, "isrc");
        newOwner = text(newOwner, "new owner");
        present(effectiveDate, "effective date");
    }
}
