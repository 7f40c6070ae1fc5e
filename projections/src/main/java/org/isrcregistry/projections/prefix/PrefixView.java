package org.isrcregistry.projections.prefix;

import java.time.Instant;
import java.util.List;

/**
 * A prefix as the agency, auditors and its holder read it (never the public: who holds a prefix is not disclosed,
 * IFPI Bulletin 2006/02).
 *
 * @param registrant null for a prefix registered before registrants were records, until the migration ran
 */
public record PrefixView(
        String prefix,
        String display,
        String countryCode,
        Holder registrant,
        Range range,
        String status,
        String suspensionReason,
        List<YearUsage> usage,
        Instant registeredAt,
        Instant updatedAt) {

    /** The registrant holding the prefix now. */
    public record Holder(String id, String legalName, String kind) {
    }

    /** The designation codes the prefix may issue each year. */
    public record Range(String first, String last) {
    }

    /** Designations taken in one year of reference ({@code 26} for 2026). */
    public record YearUsage(int yearOfReference, int assigned, int imported, int remaining) {
    }
}
