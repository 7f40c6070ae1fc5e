package org.isrcregistry.core.registrant;

import java.time.Instant;
import java.util.Objects;

/**
 * Opens the agency's file on a registrant. A manager has terms (tier and yearly cap); a producer has none.
 *
 * @param since when the registrant became one, if before this command: a registrant recorded from a prefix registered
 *              before registrants were records of their own; null: now
 */
public record RegisterRegistrant(RegistrantId registrantId, RegistrantDetails details, RegistrantKind kind,
                                 ManagerTerms terms, Instant since) implements RegistrantCommand {

    public RegisterRegistrant {
        Objects.requireNonNull(registrantId, "registrant id is required");
        Objects.requireNonNull(details, "details are required");
        Objects.requireNonNull(kind, "kind is required");
        RegistrantRules.checkTerms(kind, terms);
    }
}
