package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.identifier.Isrc;

/**
 * A new ISRC issued by the registry from a prefix's range. {@code parent} and {@code
 * versionReason} are set when the recording is a declared new version of {@code parent}.
 */
@Revision("1")
public record IsrcAssigned(
        Isrc isrc,
        RecordingDetails details,
        Isrc parent,
        VersionReason versionReason) implements RecordingCreated {
}
