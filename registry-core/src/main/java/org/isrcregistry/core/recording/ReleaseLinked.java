package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;

/** The recording appears on a release. */
@Revision("1")
public record ReleaseLinked(Isrc isrc, Release release) implements RecordingEvent {
}
