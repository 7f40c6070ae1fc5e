package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.PrefixCode;

import java.util.List;
import java.util.Objects;

/**
 * Registers many existing codes of one prefix in one unit of work (a bulk import): each registration is decided on
 * its own, as {@link RegisterExistingIsrc} would decide it, and a refused one does not stop the others. Returns one
 * {@link RegistrationOutcome} per registration, in order.
 */
public record RegisterExistingIsrcs(PrefixCode prefixCode, List<RegisterExistingIsrc> registrations)
        implements PrefixCommand {

    public RegisterExistingIsrcs {
        Objects.requireNonNull(prefixCode, "prefix code is required");
        registrations = List.copyOf(registrations);
        for (RegisterExistingIsrc registration : registrations) {
            if (!registration.prefixCode().equals(prefixCode)) {
                throw new IllegalArgumentException(registration.isrc().display() + " is not under " + prefixCode.display());
            }
        }
    }
}
