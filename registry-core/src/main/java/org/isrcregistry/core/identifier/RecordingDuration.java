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
    private static final Pattern SECONDS = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");

    private final long millis;

    /** Never a creator for Jackson: a JSON number would otherwise skip every check below (-1 read as PT-0.001S). */
    @JsonCreator(mode = JsonCreator.Mode.DISABLED)
    private RecordingDuration(long millis) {
        this.millis = millis;
    }

    public static RecordingDuration ofMillis(long millis) {
        return checked(millis, Long.toString(millis) + " ms");
    }

    /**
     * Reads a JSON string as {@link #parse}, a JSON number as seconds: the same checks whatever the form (a number
     * used to reach the constructor directly, and -1 was stored as PT-0.001S).
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RecordingDuration read(Object json) {
        if (json instanceof Number number) {
            return seconds(new BigDecimal(number.toString()), number.toString());
        }
        if (json instanceof String text) {
            return parse(text);
        }
        throw new InvalidIdentifierException(IDENTIFIER, String.valueOf(json), IDENTIFIER, 0,
                "is not a duration; " + FORMS);
    }

    /** Reads an ISO 8601 duration ({@code PT3M18S}, {@code PT3M18.5S}) or seconds ({@code 198}, {@code 198.5}). */
    public static RecordingDuration parse(String input) {
        String text = input == null ? "" : input.strip();
        if (SECONDS.matcher(text).matches()) {
            return seconds(new BigDecimal(text), input);
        }
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidIdentifierException(IDENTIFIER, input, IDENTIFIER, 0, "is not a duration; " + FORMS);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw notPositive(input);
        }
        if (duration.compareTo(Duration.ofMillis(MAX_MILLIS)) > 0) {
            throw tooLong(input);
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw subMillisecond(input);
        }
        return checked(duration.toMillis(), input);
    }

    private static RecordingDuration seconds(BigDecimal seconds, String input) {
        BigDecimal millis = seconds.movePointRight(3);
        if (millis.signum() <= 0) {
            throw notPositive(input);
        }
        if (millis.compareTo(BigDecimal.valueOf(MAX_MILLIS)) > 0) {
            throw tooLong(input);
        }
        if (millis.stripTrailingZeros().scale() > 0) {
            throw subMillisecond(input);
        }
        return checked(millis.longValueExact(), input);
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
            throw notPositive(input);
        }
        if (millis > MAX_MILLIS) {
            throw tooLong(input);
        }
        return new RecordingDuration(millis);
    }

    private static InvalidIdentifierException notPositive(String input) {
        return new InvalidIdentifierException(IDENTIFIER, input, IDENTIFIER, 0,
                "is not positive; a recording lasts at least 1 millisecond");
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
