package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;

import java.util.List;

/**
 * When the recording was registered, active recordings with the same normalised main artist,
 * title, version title and kind, and a duration within 2 s, already existed.
 */
@Revision("1")
public record PossibleDuplicateDetected(Isrc isrc, List<Isrc> candidates) implements RecordingEvent {
}
