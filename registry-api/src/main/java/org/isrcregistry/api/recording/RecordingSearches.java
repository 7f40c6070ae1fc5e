package org.isrcregistry.api.recording;

import java.util.Arrays;
import java.util.Locale;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingStatus;
import org.isrcregistry.projections.recording.RecordingPage;
import org.isrcregistry.projections.recording.RecordingQueries;
import org.isrcregistry.projections.recording.RecordingSearch;
import org.springframework.stereotype.Service;

/**
 * Searching recordings from the filters as people type them (the API's query parameters, the console's search form):
 * each one read, or refused naming the filter and what to send instead.
 */
@Service
public class RecordingSearches {

    private final RecordingQueries queries;

    RecordingSearches(RecordingQueries queries) {
        this.queries = queries;
    }

    /** Any filter may be null or blank (any value); {@code year} is 26 or 2026. */
    public RecordingSearch search(String title, String artist, String prefix, String year, String kind,
                                  String status) {
        return new RecordingSearch(blankToNull(title), blankToNull(artist),
                blankToNull(prefix) == null ? null : PrefixCode.parse(prefix), year(year),
                option("kind", kind, RecordingKind.class), option("status", status, RecordingStatus.class));
    }

    /** @param limit blank for 100 */
    public RecordingPage page(RecordingSearch search, String cursor, String limit) {
        int size = blankToNull(limit) == null ? 100 : integer("limit", limit, 1, RecordingQueries.MAX_PAGE_SIZE);
        try {
            return queries.search(search, blankToNull(cursor), size);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("cursor", e.getMessage(), "Leave 'cursor' out for the first page, or pass"
                    + " the 'next' value of the previous page unchanged.");
        }
    }

    /** The two-digit year of reference, from 26 or 2026. */
    private static Integer year(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int year = integer("year", text, 0, 9999);
        if (year >= 100 && year < 1900) {
            throw new InvalidFieldException("year", "year " + year + " is not a year of reference",
                    "Send the year the codes were assigned, as 26 or 2026.");
        }
        return year % 100;
    }

    private static int integer(String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidFieldException(field, field + " '" + text + "' is not a whole number from " + min + " to "
                + max, "Send a whole number from " + min + " to " + max + ".");
    }

    private static <E extends Enum<E>> E option(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String values = Arrays.toString(type.getEnumConstants());
            throw new InvalidFieldException(field, field + " '" + text + "' is not one of " + values,
                    "Send one of " + values + ".");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
