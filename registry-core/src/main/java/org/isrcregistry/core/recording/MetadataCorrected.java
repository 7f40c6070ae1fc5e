package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;

/** A correction of the metadata (typos, spellings) of the same audio. */
@Revision("1")
public record MetadataCorrected(
        Isrc isrc,
        RecordingMetadata metadata,
        String reason) implements RecordingEvent {
}
