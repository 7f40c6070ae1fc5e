package org.isrcregistry.core.registrant;

import java.time.LocalDate;
import java.util.Objects;
import org.isrcregistry.core.input.Text;

/**
 * An ISRC Manager records once that a rights owner authorised it to assign codes for it (IFPI's ISRC Manager terms).
 *
 * @param client            the rights owner who authorised the manager: the owner of the recordings it will assign
 *                          codes for
 * @param authorisedOn      when the owner signed the authorisation
 * @param evidenceReference where the agency finds the signed authorisation (a contract or mandate number), not the
 *                          document itself
 */
public record AuthoriseClient(RegistrantId registrantId, ClientId clientId, String client, LocalDate authorisedOn,
                              String evidenceReference) implements RegistrantCommand {

    public AuthoriseClient {
        Objects.requireNonNull(registrantId, "registrant id is required");
        Objects.requireNonNull(clientId, "client id is required");
        client = Text.line(client, "client", Text.NAME);
        Objects.requireNonNull(authorisedOn, "authorisedOn is required");
        evidenceReference = Text.line(evidenceReference, "evidenceReference", Text.LABEL);
    }
}
