package org.isrcregistry.core.registrant;

import java.util.Objects;

/**
 * What the agency agreed with an ISRC Manager.
 *
 * @param yearlyCap at most this many codes per year of reference over all the manager's prefixes; null: no cap
 */
public record ManagerTerms(VolumeTier tier, Integer yearlyCap) {

    public ManagerTerms {
        Objects.requireNonNull(tier, "a manager's volume tier is required");
        if (yearlyCap != null && yearlyCap < 1) {
            throw new IllegalArgumentException("yearlyCap must be at least 1, not " + yearlyCap);
        }
    }

    /** The tier's default cap unless {@code yearlyCap} is given. */
    public static ManagerTerms of(VolumeTier tier, Integer yearlyCap) {
        Objects.requireNonNull(tier, "a manager's volume tier is required");
        return new ManagerTerms(tier, yearlyCap != null ? yearlyCap : tier.defaultYearlyCap());
    }
}
