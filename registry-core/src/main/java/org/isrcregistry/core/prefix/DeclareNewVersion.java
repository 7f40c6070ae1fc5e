package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.VersionReason;
import org.isrcregistry.core.registrant.ClientId;

import java.util.Objects;

/**
 * Declares a new version of {@code parent} (a remix, an edit, a live version...): it gets a new ISRC
 * from the declaring registrant's prefix, which handles the command. Under an ISRC Manager's prefix the new code is
 * assigned for {@code client}, as an assignment is (see {@link ManagerAssignments}); else {@code client} is null.
 */
public record DeclareNewVersion(
        Isrc parent,
        PrefixCode prefixCode,
        VersionReason reason,
        RecordingDetails recording,
        ClientId client) implements PrefixCommand {

    public DeclareNewVersion {
        Objects.requireNonNull(parent, "parent is required");
        Objects.requireNonNull(prefixCode, "prefix code is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(recording, "recording is required");
    }

    public DeclareNewVersion(Isrc parent, PrefixCode prefixCode, VersionReason reason, RecordingDetails recording) {
        this(parent, prefixCode, reason, recording, null);
    }
}
