package org.isrcregistry.core.input;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates a record may hold: from 1877 (Edison's phonograph, the first recording that could be published) to one
 * year ahead of today (UTC). Outside it a date is a typing error, and beyond it PostgreSQL's and Jackson's ranges
 * differ (year 0 or 10000 could be stored and then not copied back by a rebuild).
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1877, 1, 1);

    private Dates() {
    }

    /** The latest date accepted today. */
    public static LocalDate latest() {
        return LocalDate.now(ZoneOffset.UTC).plusYears(1);
    }

    public static LocalDate inRange(LocalDate date, String field) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(latest()))) {
            throw new InvalidInputException(field, "is " + date + ", outside the registry's range, "
                    + EARLIEST + " to " + latest() + " (a year ahead)");
        }
        return date;
    }

    /** For stored events: whether a date read back is one {@link #inRange} accepts (or was accepted when stored). */
    public static boolean storable(LocalDate date) {
        return !date.isBefore(EARLIEST) && date.getYear() <= 9999;
    }
}
