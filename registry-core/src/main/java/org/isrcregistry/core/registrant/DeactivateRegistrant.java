package org.isrcregistry.core.registrant;

import java.util.Objects;

/** The registrant stopped trading: no new prefixes for it. Its prefixes and registrant codes stay allocated to it. */
public record DeactivateRegistrant(RegistrantId registrantId, String reason) implements RegistrantCommand {

    public DeactivateRegistrant {
        Objects.requireNonNull(registrantId, "registrant id is required");
        reason = RegistrantRules.reason(reason);
    }
}
