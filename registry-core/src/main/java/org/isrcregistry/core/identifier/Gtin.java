package org.isrcregistry.core.identifier;

import static org.isrcregistry.core.identifier.InvalidIdentifierException.quote;

/**
 * Reading GTIN-12 (UPC) and GTIN-13 (EAN) codes: digits, with spaces and hyphens ignored, the last one
 * a mod-10 check digit over the others weighted 3, 1, 3 ... from the right (GS1 General Specifications,
 * 7.9.1).
 */
final class Gtin {

    static final String PART_DIGITS = "digits";
    static final String PART_CHECK_DIGIT = "check digit";

    private Gtin() {
    }

    /** The digits of {@code input} with spaces and hyphens removed; any other character is refused. */
    static String digits(String identifier, String input, String layout) {
        String text = input == null ? "" : input;
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && !Character.isWhitespace(c)) {
                throw new InvalidIdentifierException(identifier, input, PART_DIGITS, i + 1, "character " + quote(c)
                        + " at position " + (i + 1) + " is not a digit; " + layout + " (spaces and hyphens are ignored)");
            }
        }
        return digits.toString();
    }

    /** The digits of a {@code length}-digit GTIN in {@code input}, its check digit verified. */
    static String read(String identifier, String input, int length, String layout) {
        String digits = digits(identifier, input, layout);
        if (digits.length() != length) {
            throw new InvalidIdentifierException(identifier, input, PART_DIGITS, 0,
                    "has " + digits.length() + " digits; " + layout + ": check for a missing or extra digit");
        }
        char expected = checkDigit(digits.substring(0, length - 1));
        char written = digits.charAt(length - 1);
        if (written != expected) {
            int position = lastDigitPosition(input);
            throw new InvalidIdentifierException(identifier, input, PART_CHECK_DIGIT, position, "check digit " + written
                    + " at position " + position + " does not match: the check digit of " + digits.substring(0, length - 1)
                    + " is " + expected + "; check the code for a mistyped digit");
        }
        return digits;
    }

    static char checkDigit(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int weight = (payload.length() - i) % 2 == 1 ? 3 : 1;
            sum += weight * (payload.charAt(i) - '0');
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static int lastDigitPosition(String input) {
        for (int i = input.length() - 1; i >= 0; i--) {
            if (input.charAt(i) >= '0' && input.charAt(i) <= '9') {
                return i + 1;
            }
        }
        return 0;
    }
}
