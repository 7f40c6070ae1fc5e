package org.isrcregistry.projections.prefix;

import java.time.Instant;
import java.util.List;

/** A prefix as agencies, registrants and the public read it. */
public record PrefixView(
        String prefix,
        String display,
        String countryCode,
        Registrant registrant,
        Range range,
        String status,
        String suspensionReason,
        List<YearUsage> usage,
        Instant registeredAt,
        Instant updatedAt) {

    public record Registrant(String name, String contact) {
    }

    /** The designation codes the prefix may issue each year. */
    public record Range(String first, String last) {
    }

    /** Designations taken in one year of reference ({@code 26} for 2026). */
    public record YearUsage(int yearOfReference, int assigned, int imported, int remaining) {
    }
}
