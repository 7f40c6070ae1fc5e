package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;

/** The recording realises a musical work. */
@Revision("1")
public record WorkLinked(Isrc isrc, Iswc iswc) implements RecordingEvent {
}
