package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.RecordingDetails;

import java.util.Objects;

/** Records an ISRC assigned before the registry existed, or by the registrant itself. Handled by its prefix. */
public record RegisterExistingIsrc(Isrc isrc, RecordingDetails recording) implements PrefixCommand {

    public RegisterExistingIsrc {
        Objects.requireNonNull(isrc, "isrc is required");
        Objects.requireNonNull(recording, "recording is required");
    }

    @Override
    public PrefixCode prefixCode() {
        return isrc.prefixCode();
    }
}
