package org.isrcregistry.core.registrant;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** @param since when it became a registrant, if before this event (see RegisterRegistrant); else null */
@Revision("1")
public record RegistrantRegistered(RegistrantId registrantId, RegistrantDetails details, RegistrantKind kind,
                                   ManagerTerms terms, Instant since) implements RegistrantEvent {
}
