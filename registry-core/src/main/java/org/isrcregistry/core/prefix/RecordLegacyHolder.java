package org.isrcregistry.core.prefix;

import java.util.Objects;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;

/**
 * Ties a prefix registered before registrants were records of their own to the registrant recorded from it (the
 * migration of docs/registrants.md). A prefix that has a holder is left as it is.
 */
public record RecordLegacyHolder(PrefixCode prefixCode, RegistrantId registrantId) implements PrefixCommand {

    public RecordLegacyHolder {
        Objects.requireNonNull(prefixCode, "prefix code is required");
        Objects.requireNonNull(registrantId, "registrant id is required");
    }
}
