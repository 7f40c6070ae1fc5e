package org.isrcregistry.projections.registrant;

import java.time.Instant;
import java.util.List;

/**
 * A registrant as the agency's file has it, for the agency, auditors and the registrant itself. Contacts and address
 * are not here: they are personal data, kept apart (docs/registrants.md).
 *
 * @param prefixes the prefixes it holds now, and those it held before a transfer
 */
public record RegistrantView(
        String id,
        String legalName,
        List<String> tradingNames,
        String countryCode,
        String kind,
        String volumeTier,
        Integer yearlyCap,
        String status,
        Instant registeredAt,
        Instant updatedAt,
        List<Holding> prefixes) {

    /**
     * A prefix the registrant holds ({@code heldUntil} null) or held.
     *
     * @param from the registrant it was transferred from; null for an allocation
     */
    public record Holding(String prefix, String display, String status, Instant heldFrom, Instant heldUntil,
                          String from, String reason) {
    }

    RegistrantView withPrefixes(List<Holding> holdings) {
        return new RegistrantView(id, legalName, tradingNames, countryCode, kind, volumeTier, yearlyCap, status,
                registeredAt, updatedAt, holdings);
    }
}
