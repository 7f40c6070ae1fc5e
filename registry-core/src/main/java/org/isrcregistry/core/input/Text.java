package org.isrcregistry.core.input;

/**
 * What every text the registry keeps must be, so that it can be stored, read back, published and rebuilt: well-formed
 * Unicode (no lone surrogate: PostgreSQL's text and jsonb, and UTF-8, cannot hold one), no control character (NUL is
 * refused by PostgreSQL; the others only ever come from broken input), except line breaks and tabs in the free-text
 * fields that allow them, and at most a documented number of characters (code points), surrounding white space
 * removed. docs/problems.md lists the limits.
 */
public final class Text {

    /** Owners, distributors, registrants and contributors. */
    public static final int NAME = 300;
    /** Titles, version titles, main artists, release titles, descriptions of a change. */
    public static final int TITLE = 500;
    /** Why something was done (a correction, a suspension): may span lines. */
    public static final int REASON = 1_000;
    /** Short labels: a contributor's role, a release's format. */
    public static final int LABEL = 100;

    private Text() {
    }

    /** A required one-line text, stripped. */
    public static String line(String value, String field, int max) {
        return checked(required(value, field), field, max, false);
    }

    /** An optional one-line text, stripped; blank is absent (null). */
    public static String optionalLine(String value, String field, int max) {
        return value == null || value.isBlank() ? null : checked(value.strip(), field, max, false);
    }

    /** A required free text, which may span lines, stripped. */
    public static String paragraph(String value, String field, int max) {
        return checked(required(value, field), field, max, true);
    }

    /** An optional free text, which may span lines; blank is absent (null). */
    public static String optionalParagraph(String value, String field, int max) {
        return value == null || value.isBlank() ? null : checked(value.strip(), field, max, true);
    }

    /**
     * Any text read from a client, before it reaches a field: well-formed, and no control character but tab, line
     * feed and carriage return (the fields then decide whether they allow those).
     */
    public static String wellFormed(String value, String field) {
        if (value != null) {
            refuseMalformed(value, field, true);
        }
        return value;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value.strip();
    }

    private static String checked(String value, String field, int max, boolean lineBreaks) {
        refuseMalformed(value, field, lineBreaks);
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidInputException(field, "has " + length + " characters; at most " + max
                    + " are allowed");
        }
        return value;
    }

    private static void refuseMalformed(String value, String field, boolean lineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "holds a lone UTF-16 surrogate (U+"
                        + hex(c) + ") at position " + i + ", which is not a character; send well-formed Unicode");
            } else if (Character.getType(c) == Character.CONTROL
                    && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                throw new InvalidInputException(field, "holds the control character U+" + hex(c)
                        + " at position " + i + (c == 0 ? " (NUL)" : "") + ", which " + (lineBreaks
                        ? "no registry text may hold" : "this one-line field may not hold") + "; remove it");
            }
        }
    }

    private static String hex(char c) {
        return "%04X".formatted((int) c);
    }
}
