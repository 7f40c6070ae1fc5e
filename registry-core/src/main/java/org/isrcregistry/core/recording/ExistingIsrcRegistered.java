package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.identifier.Isrc;

/** An ISRC assigned before the registry existed, or by the registrant itself, now recorded here. */
@Revision("1")
public record ExistingIsrcRegistered(Isrc isrc, RecordingDetails details) implements RecordingCreated {
}
