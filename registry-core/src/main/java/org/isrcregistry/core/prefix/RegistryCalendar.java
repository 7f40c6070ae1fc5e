package org.isrcregistry.core.prefix;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The clock and the agency's time zone that decide an ISRC's year of reference: the year the code
 * is assigned, in UTC unless the agency configures its own zone. Injected into command handlers.
 */
public record RegistryCalendar(Clock clock, ZoneId zone) {

    public RegistryCalendar {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
    }

    public static RegistryCalendar utc() {
        return new RegistryCalendar(Clock.systemUTC(), ZoneOffset.UTC);
    }

    /** The last two digits of the current year in the agency's zone. */
    public int yearOfReference() {
        return ZonedDateTime.now(clock).withZoneSameInstant(zone).getYear() % 100;
    }
}
