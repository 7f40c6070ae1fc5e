package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;

import java.time.LocalDate;

/** The recording moved to another distributor (null: none); the ISRC stays the same. */
@Revision("1")
public record DistributorChanged(
        Isrc isrc,
        String previousDistributor,
        String distributor,
        LocalDate effectiveDate) implements RecordingEvent {
}
