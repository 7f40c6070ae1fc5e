package org.isrcregistry.core.registrant;

import java.util.Objects;

/**
 * Changes the agency's file on a registrant, for a reason the history keeps.
 *
 * @param contactsChanged whether the contacts or address (kept apart from the events) changed with it
 */
public record UpdateRegistrant(RegistrantId registrantId, RegistrantDetails details, ManagerTerms terms,
                               boolean contactsChanged, String reason) implements RegistrantCommand {

    public UpdateRegistrant {
        Objects.requireNonNull(registrantId, "registrant id is required");
        Objects.requireNonNull(details, "details are required");
        reason = RegistrantRules.reason(reason);
    }
}
