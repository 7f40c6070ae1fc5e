package org.isrcregistry.core.identifier;

import static org.isrcregistry.core.identifier.InvalidIdentifierException.quote;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An International Standard Musical Work Code (ISO 15707), identifying a composition: the letter T,
 * nine digits and a check digit, shown as {@code T-034.524.680-1}. The check digit is
 * {@code (10 - (1 + Σ i·dᵢ) mod 10) mod 10} over the nine digits dᵢ, i = 1..9 (ISWC Users' Manual).
 */
public record Iswc(String value) {

    private static final String IDENTIFIER = "ISWC";
    private static final String LAYOUT = "an ISWC is T, 9 digits and a check digit, as T-034.524.680-1 or T0345246801";
    private static final Pattern FORM = Pattern.compile("[Tt]-?([0-9]{3})\\.?([0-9]{3})\\.?([0-9]{3})-?([0-9])");

    /** Reads {@code T-034.524.680-1} or {@code T0345246801}, the T in any case, with surrounding whitespace. */
    public Iswc {
        String text = value == null ? "" : value;
        int from = PartedCode.startOfContent(text);
        Matcher matcher = FORM.matcher(text).region(from, PartedCode.endOfContent(text));
        if (!matcher.matches()) {
            throw malformed(text, from);
        }
        String digits = matcher.group(1) + matcher.group(2) + matcher.group(3);
        char expected = checkDigit(digits);
        if (matcher.group(4).charAt(0) != expected) {
            int position = matcher.start(4) + 1;
            throw new InvalidIdentifierException(IDENTIFIER, text, "check digit", position, "check digit "
                    + matcher.group(4) + " at position " + position + " does not match: the check digit of T-"
                    + digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6) + " is "
                    + expected + "; check the code for a mistyped digit");
        }
        value = "T" + digits + expected;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Iswc parse(String input) {
        return new Iswc(input);
    }

    /** E.g. {@code T0345246801}. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** E.g. {@code T-034.524.680-1}. */
    public String display() {
        return "T-%s.%s.%s-%s".formatted(value.substring(1, 4), value.substring(4, 7), value.substring(7, 10),
                value.substring(10));
    }

    @Override
    public String toString() {
        return value;
    }

    static char checkDigit(String nineDigits) {
        int sum = 1;
        for (int i = 0; i < 9; i++) {
            sum += (i + 1) * (nineDigits.charAt(i) - '0');
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static InvalidIdentifierException malformed(String text, int from) {
        if (from == text.length()) {
            return new InvalidIdentifierException(IDENTIFIER, text, "code", 0, "is empty; " + LAYOUT);
        }
        if (Character.toUpperCase(text.charAt(from)) != 'T') {
            return new InvalidIdentifierException(IDENTIFIER, text, "T", from + 1, "character "
                    + quote(text.charAt(from)) + " at position " + (from + 1) + " is not the letter T; " + LAYOUT);
        }
        int digits = 0;
        int to = PartedCode.endOfContent(text);
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '.' && c != '-') {
                return new InvalidIdentifierException(IDENTIFIER, text, "digits", i + 1, "character " + quote(c)
                        + " at position " + (i + 1) + " is not a digit; " + LAYOUT);
            }
        }
        if (digits != 10) {
            return new InvalidIdentifierException(IDENTIFIER, text, "digits", 0,
                    "has " + digits + " digits after the T; " + LAYOUT + ": check for a missing or extra digit");
        }
        return new InvalidIdentifierException(IDENTIFIER, text, "code", 0,
                "has its dots or hyphens in the wrong places; " + LAYOUT);
    }
}
