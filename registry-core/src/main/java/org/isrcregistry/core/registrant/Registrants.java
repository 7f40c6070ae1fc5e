package org.isrcregistry.core.registrant;

import java.util.Optional;

/**
 * The registrants a prefix command may name, for the rules that span a prefix and its registrant (allocate only to a
 * registrant on file that still trades). Answered from a lookup written in the same transaction as the registrant's
 * events.
 */
public interface Registrants {

    Optional<Registrant> find(RegistrantId id);

    /** @param yearlyCap an ISRC Manager's cap of codes per year of reference; null: none */
    record Registrant(RegistrantId id, RegistrantKind kind, boolean active, Integer yearlyCap) {
    }
}
