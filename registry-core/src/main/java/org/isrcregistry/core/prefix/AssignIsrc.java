package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.RecordingDetails;

import java.util.Objects;

/** Issues the next free ISRC of the prefix for the current year to a new recording (audio or video). */
public record AssignIsrc(PrefixCode prefixCode, RecordingDetails recording) implements PrefixCommand {

    public AssignIsrc {
        Objects.requireNonNull(prefixCode, "prefix code is required");
        Objects.requireNonNull(recording, "recording is required");
    }
}
