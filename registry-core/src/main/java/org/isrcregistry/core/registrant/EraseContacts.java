package org.isrcregistry.core.registrant;

import java.util.Objects;
import org.isrcregistry.core.input.Text;

/**
 * Records that the registrant's contacts and address were erased on a data subject's request (GDPR). The contacts
 * were never in an event; the history keeps that they were erased and on which request.
 *
 * @param requestReference the request as the agency files it, without personal data
 */
public record EraseContacts(RegistrantId registrantId, String requestReference) implements RegistrantCommand {

    public EraseContacts {
        Objects.requireNonNull(registrantId, "registrant id is required");
        requestReference = Text.line(requestReference, "requestReference", Text.LABEL);
    }
}
