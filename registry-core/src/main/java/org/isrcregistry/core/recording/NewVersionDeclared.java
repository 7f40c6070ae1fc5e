package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;

/** On the parent's stream: {@code newIsrc} is a new version of this recording. */
@Revision("1")
public record NewVersionDeclared(Isrc isrc, Isrc newIsrc, VersionReason reason) implements RecordingEvent {
}
