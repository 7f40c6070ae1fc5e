package org.isrcregistry.core.identifier;

/**
 * An input that is not a valid identifier, with the part of it that breaks which rule, and where.
 * The message is one sentence for the person who typed or sent the input: what is wrong, the rule,
 * and what to do.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private static final int SHOWN_INPUT_LENGTH = 64;

    private final String identifier;
    private final String input;
    private final String part;
    private final int position;
    private final String reason;

    /**
     * @param identifier what was being read: "ISRC", "prefix code", "UPC", "ISWC", "duration" ...
     * @param input      the input as received (null is read as empty)
     * @param part       the part at fault, e.g. "CC", "XXX", "YY", "NNNNN", or "code" for the whole
     * @param position   1-based position in the input of the offending character, or of the first
     *                   character of the offending part; 0 when the problem is not at one place
     * @param reason     what is wrong, the rule, and what to do
     */
    public InvalidIdentifierException(String identifier, String input, String part, int position, String reason) {
        super(identifier + " " + shown(input) + ": " + reason);
        this.identifier = identifier;
        this.input = input == null ? "" : input;
        this.part = part;
        this.position = position;
        this.reason = reason;
    }

    public String identifier() {
        return identifier;
    }

    public String input() {
        return input;
    }

    public String part() {
        return part;
    }

    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }

    /** A character as a reader can see it: {@code 'A'}, {@code ' ' (space)}, {@code '‐' (U+2010)}. */
    static String quote(char c) {
        if (c == ' ') {
            return "' ' (space)";
        }
        if (c > ' ' && c < 0x7F) {
            return "'" + c + "'";
        }
        String code = "U+%04X".formatted((int) c);
        return Character.isISOControl(c) || Character.isWhitespace(c) ? code : "'" + c + "' (" + code + ")";
    }

    private static String shown(String input) {
        if (input == null || input.isEmpty()) {
            return "(empty)";
        }
        String text = input.length() > SHOWN_INPUT_LENGTH ? input.substring(0, SHOWN_INPUT_LENGTH) + "…" : input;
        return "\"" + text + "\"";
    }
}
