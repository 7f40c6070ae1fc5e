package org.isrcregistry.core.recording;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;

/**
 * The ISRC is withdrawn for ever; {@code duplicateOf} is the ISRC to use instead when the reason
 * is a duplicate.
 */
@Revision("1")
public record IsrcWithdrawn(Isrc isrc, WithdrawalReason reason, Isrc duplicateOf) implements RecordingEvent {
}
