package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;

import java.time.LocalDate;

/** The master changed hands; the ISRC stays the same. */
@Revision("1")
public record OwnershipTransferred(
        Isrc isrc,
        String previousOwner,
        String newOwner,
        LocalDate effectiveDate) implements RecordingEvent {
}
