package org.isrcregistry.core.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The playing time of a recording, part of the minimum metadata of every ISRC (IFPI): positive, at most
 * 24 hours, to the millisecond. Exchanged as an ISO 8601 duration ({@code PT3M18.5S}), as DDEX ERN does.
 */
public final class RecordingDuration implements Comparable<RecordingDuration> {

    private static final String IDENTIFIER = "duration";
    private static final long MAX_MILLIS = Duration.ofHours(24).toMillis();
    private static final String FORMS = "write an ISO 8601 duration such as PT3M18.5S, or seconds such as 198.5";
    private static final Pattern SECONDS = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    private final long millis;

    private RecordingDuration(long millis) {
        this.millis = millis;
    }

    public static RecordingDuration ofMillis(long millis) {
        return checked(millis, Long.toString(millis) + " ms");
    }

    /** Reads an ISO 8601 duration ({@code PT3M18S}, {@code PT3M18.5S}) or seconds ({@code 198}, {@code 198.5}). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RecordingDuration parse(String input) {
        String text = input == null ? "" : input.strip();
        if (SECONDS.matcher(text).matches()) {
            BigDecimal millis = new BigDecimal(text).movePointRight(3);
            if (millis.compareTo(BigDecimal.valueOf(MAX_MILLIS)) > 0) {
                throw tooLong(input);
            }
            if (millis.stripTrailingZeros().scale() > 0) {
                throw subMillisecond(input);
            }
            return checked(millis.longValueExact(), input);
        }
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidIdentifierException(IDENTIFIER, input, IDENTIFIER, 0, "is not a duration; " + FORMS);
        }
        if (duration.compareTo(Duration.ofMillis(MAX_MILLIS)) > 0) {
            throw tooLong(input);
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw subMillisecond(input);
        }
        return checked(duration.toMillis(), input);
    }

    public long millis() {
        return millis;
    }

    /** The ISO 8601 form, e.g. {@code PT3M18.5S}. */
    @JsonValue
    public String iso() {
        return toDuration().toString();
    }

    public Duration toDuration() {
        return Duration.ofMillis(millis);
    }

    /** How far apart two durations are, whichever is longer; agencies treat about 10 s as a new edit. */
    public long differenceMillis(RecordingDuration other) {
        return Math.abs(millis - other.millis);
    }

    @Override
    public int compareTo(RecordingDuration other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordingDuration that && millis == that.millis;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(millis);
    }

    @Override
    public String toString() {
        return iso();
    }

    private static RecordingDuration checked(long millis, String input) {
        if (millis <= 0) {
            throw new InvalidIdentifierException(IDENTIFIER, input, IDENTIFIER, 0,
                    "is not positive; a recording lasts at least 1 millisecond");
        }
        if (millis > MAX_MILLIS) {
            throw tooLong(input);
        }
        return new RecordingDuration(millis);
    }

    private static InvalidIdentifierException tooLong(String input) {
        return new InvalidIdentifierException(IDENTIFIER, input, IDENTIFIER, 0,
                "is longer than 24 hours; check the unit: plain numbers are seconds, not milliseconds");
    }

    private static InvalidIdentifierException subMillisecond(String input) {
        return new InvalidIdentifierException(IDENTIFIER, input, IDENTIFIER, 0,
                "is more precise than a millisecond; round it to whole milliseconds");
    }
}
