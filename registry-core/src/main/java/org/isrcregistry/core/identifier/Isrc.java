package org.isrcregistry.core.identifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isrcregistry.core.identifier.PartedCode.Field;
import org.isrcregistry.core.identifier.PartedCode.Part;

/**
 * An International Standard Recording Code (ISO 3901): {@code CC XXX YY NNNNN}, 12 characters, no check
 * digit. {@code CC XXX} is the {@link PrefixCode}, {@code YY} the last two digits of the year the code
 * was assigned, {@code NNNNN} the designation code. Stored and exchanged as the 12 characters in upper
 * case; shown as {@code ISRC CA-K7Q-26-00001} (IFPI ISRC Handbook; IFPI Bulletin 2015/01 "Validating an
 * ISRC").
 */
public final class Isrc implements Comparable<Isrc> {

    /** Codes printed as examples in the IFPI and US ISRC handbooks: well formed, never to be issued. */
    public static final Set<String> HANDBOOK_EXAMPLES = Set.of("AA6Q72000047", "USS1Z9900001");

    private static final String IDENTIFIER = "ISRC";
    private static final PartedCode SYNTAX = new PartedCode(IDENTIFIER, "an ISRC", Part.CC, Part.XXX, Part.YY, Part.NNNNN);
    private static final Pattern LABEL = Pattern.compile("ISRC(?: *: *| +)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL_WITHOUT_SPACE =
            Pattern.compile("ISRC(?:[^A-Za-z0-9 :]|(?=[A-Za-z0-9]{12}$))", Pattern.CASE_INSENSITIVE);

    private final PrefixCode prefixCode;
    private final int yearOfReference;
    private final int designation;
    private final String value;

    private Isrc(PrefixCode prefixCode, int yearOfReference, int designation) {
        this.prefixCode = prefixCode;
        this.yearOfReference = yearOfReference;
        this.designation = designation;
        // Zero-padded by hand: String.format parses its pattern on every call, and every event read builds ISRCs.
        this.value = prefixCode.value() + String.valueOf(100 + yearOfReference).substring(1)
                + String.valueOf(100_000 + designation).substring(1);
    }

    /**
     * Reads an ISRC: surrounding whitespace, then optionally the label {@code ISRC} (any case) followed
     * by spaces or by a colon, then the 12 characters run together or with one and the same separator
     * (hyphen, space or Unicode dash) between all four parts. Lower case is read as upper case.
     *
     * @throws InvalidIdentifierException naming the part, the position and the rule broken
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Isrc parse(String input) {
        String text = input == null ? "" : input;
        int from = PartedCode.startOfContent(text);
        int to = PartedCode.endOfContent(text);
        Matcher label = LABEL.matcher(text).region(from, to);
        if (label.lookingAt()) {
            from = label.end();
        } else if (to - from > 12 && LABEL_WITHOUT_SPACE.matcher(text).region(from, to).lookingAt()) {
            int position = from + 5;
            throw new InvalidIdentifierException(IDENTIFIER, input, PartedCode.WHOLE_CODE, position,
                    "the label ISRC must be followed by a space or a colon, not "
                            + InvalidIdentifierException.quote(text.charAt(position - 1)) + " at position " + position);
        }
        List<Field> fields = SYNTAX.read(text, from, to);
        String value = String.join("", fields.stream().map(Field::value).toList());
        if (HANDBOOK_EXAMPLES.contains(value)) {
            throw handbookExample(input, value, fields.get(0).position());
        }
        CountryCode countryCode = CountryCode.allocated(fields.get(0), IDENTIFIER, input);
        return new Isrc(new PrefixCode(countryCode, fields.get(1).value()),
                Integer.parseInt(fields.get(2).value()), Integer.parseInt(fields.get(3).value()));
    }

    /** Reads the input like {@link #parse(String)}, returning the error instead of throwing it. */
    public static ParseOutcome<Isrc> check(String input) {
        return ParseOutcome.of(Isrc::parse, input);
    }

    /**
     * @param yearOfReference the last two digits of the year the code is assigned, 0-99
     * @param designation     0-99999, never repeated for the same prefix code and year
     */
    public static Isrc of(PrefixCode prefixCode, int yearOfReference, int designation) {
        Objects.requireNonNull(prefixCode, "prefixCode");
        String input = prefixCode.value() + " year " + yearOfReference + " designation " + designation;
        if (yearOfReference < 0 || yearOfReference > 99) {
            throw new InvalidIdentifierException(IDENTIFIER, input, Part.YY.symbol(), 0,
                    "year of reference " + yearOfReference + " is out of range; " + Part.YY.rule()
                            + ", the last two digits of the year the code is assigned");
        }
        if (designation < 0 || designation > 99_999) {
            throw new InvalidIdentifierException(IDENTIFIER, input, Part.NNNNN.symbol(), 0,
                    "designation code " + designation + " is out of range; " + Part.NNNNN.rule() + " (00000-99999)");
        }
        Isrc isrc = new Isrc(prefixCode, yearOfReference, designation);
        if (HANDBOOK_EXAMPLES.contains(isrc.value)) {
            throw handbookExample(input, isrc.value, 0);
        }
        return isrc;
    }

    private static InvalidIdentifierException handbookExample(String input, String value, int position) {
        return new InvalidIdentifierException(IDENTIFIER, input, PartedCode.WHOLE_CODE, position,
                value + " is an example code from the ISRC handbook; it must never be issued or registered");
    }

    public PrefixCode prefixCode() {
        return prefixCode;
    }

    public int yearOfReference() {
        return yearOfReference;
    }

    public int designation() {
        return designation;
    }

    /** The stored and exchanged form: 12 upper-case characters, e.g. {@code CAK7Q2600001}. */
    @JsonValue
    public String value() {
        return value;
    }

    /** E.g. {@code CA-K7Q-26-00001}. */
    public String display() {
        return prefixCode.countryCode() + "-" + prefixCode.registrantCode() + "-" + value.substring(5, 7) + "-"
                + value.substring(7);
    }

    /** E.g. {@code ISRC CA-K7Q-26-00001}. */
    public String labelled() {
        return IDENTIFIER + " " + display();
    }

    @Override
    public int compareTo(Isrc other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Isrc that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
