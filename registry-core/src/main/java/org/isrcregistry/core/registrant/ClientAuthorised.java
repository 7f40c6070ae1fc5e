package org.isrcregistry.core.registrant;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An ISRC Manager's client authorised it to assign codes for it; see {@link AuthoriseClient}. */
@Revision("1")
public record ClientAuthorised(RegistrantId registrantId, ClientId clientId, String client, LocalDate authorisedOn,
                               String evidenceReference) implements RegistrantEvent {
}
