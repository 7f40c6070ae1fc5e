package org.isrcregistry.core.identifier;

import static org.isrcregistry.core.identifier.InvalidIdentifierException.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of codes made of fixed-length parts (ISRC, prefix code, country code): the parts written
 * together, or with one and the same separator at every boundary (a hyphen, a space, or a Unicode dash
 * U+2010 to U+2015 or U+2212); lower case read as upper case. As IFPI Bulletin 2015/01 "Validating an
 * ISRC" warns, wrong part lengths, trailing text, two codes run together and placeholder characters
 * are errors, not codes. A rejection names the first rule broken, the part and the position.
 */
final class PartedCode {

    static final String WHOLE_CODE = "code";

    private static final String SEPARATOR_ADVICE =
            "write the parts together, or separate them all with one and the same hyphen, space or dash";

    enum Chars {
        LETTERS("A-Za-z", "a letter", "letters A-Z"),
        LETTERS_OR_DIGITS("A-Za-z0-9", "a letter or digit", "characters A-Z or 0-9"),
        DIGITS("0-9", "a digit", "digits 0-9");

        private final String range;
        private final String one;
        private final String many;

        Chars(String range, String one, String many) {
            this.range = range;
            this.one = one;
            this.many = many;
        }

        boolean accepts(char c) {
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            boolean digit = c >= '0' && c <= '9';
            return switch (this) {
                case LETTERS -> letter;
                case LETTERS_OR_DIGITS -> letter || digit;
                case DIGITS -> digit;
            };
        }
    }

    record Part(String symbol, String name, int length, Chars chars) {

        static final Part CC = new Part("CC", "country code", 2, Chars.LETTERS);
        static final Part XXX = new Part("XXX", "registrant code", 3, Chars.LETTERS_OR_DIGITS);
        static final Part YY = new Part("YY", "year of reference", 2, Chars.DIGITS);
        static final Part NNNNN = new Part("NNNNN", "designation code", 5, Chars.DIGITS);

        String title() {
            return "the " + name + " (" + symbol + ")";
        }

        String rule() {
            return title() + " is " + length + " " + chars.many;
        }
    }

    /** A part as read: upper case, with the 1-based position of its first character in the input. */
    record Field(String value, int position) {
    }

    private record Run(int start, String text, boolean separator) {
    }

    private final String identifier;
    private final String article;
    private final List<Part> parts;
    private final int length;
    private final Pattern shape;

    /** @param article the identifier with its article, as in "an ISRC is 12 characters" */
    PartedCode(String identifier, String article, Part... parts) {
        this.identifier = identifier;
        this.article = article;
        this.parts = List.of(parts);
        this.length = this.parts.stream().mapToInt(Part::length).sum();
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 1 ? "([-\\u2010-\\u2015\\u2212 ]?)" : i > 1 ? "\\2" : "");
            regex.append("([").append(parts[i].chars.range).append("]{").append(parts[i].length).append("})");
        }
        this.shape = Pattern.compile(regex.toString());
    }

    /** Reads the input without its surrounding whitespace. */
    List<Field> read(String input) {
        String text = input == null ? "" : input;
        return read(text, startOfContent(text), endOfContent(text));
    }

    /** Reads {@code input} between {@code from} and {@code to}; positions are still those in the input. */
    List<Field> read(String input, int from, int to) {
        String body = input.substring(from, to);
        if (body.isEmpty()) {
            throw fail(input, WHOLE_CODE, 0, "is empty; " + layout());
        }
        Matcher shaped = shape.matcher(body);
        if (shaped.matches()) {
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                int group = i == 0 ? 1 : i + 2;
                fields.add(new Field(shaped.group(group).toUpperCase(Locale.ROOT), from + shaped.start(group) + 1));
            }
            return List.copyOf(fields);
        }
        List<Run> runs = runs(body, from);
        List<Run> contents = runs.stream().filter(run -> !run.separator()).toList();
        List<Run> separators = runs.stream().filter(Run::separator).toList();
        if (runs.get(0).separator()) {
            throw fail(input, WHOLE_CODE, from + 1, "separator " + quote(body.charAt(0)) + " at position " + (from + 1)
                    + " comes before " + parts.get(0).title() + "; remove it");
        }
        if (shaped.lookingAt()) {
            throw followedByText(input, from, body, shaped.end());
        }
        if (contents.size() == parts.size()) {
            checkSeparated(input, contents, separators);
        }
        separators.forEach(separator -> checkSingle(input, separator));
        if (separators.isEmpty() && body.length() == length) {
            checkCharacters(input, split(contents.get(0)));
        }
        checkNoOtherSeparator(input, from, body);
        int written = contents.stream().mapToInt(run -> run.text().length()).sum();
        if (written != length) {
            throw wrongLength(input, written, !separators.isEmpty());
        }
        checkMissingSeparators(input, contents);
        throw misplacedSeparator(input, contents, separators);
    }

    private void checkSeparated(String input, List<Run> contents, List<Run> separators) {
        separators.forEach(separator -> checkSingle(input, separator));
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            Run run = contents.get(i);
            int written = run.text().length();
            boolean lastPartFollowedByText = i == parts.size() - 1 && written > part.length();
            if (written != part.length() && !lastPartFollowedByText) {
                throw fail(input, part.symbol(), run.start(), part.title() + " '" + run.text() + "' at position "
                        + run.start() + " has " + characters(written) + "; " + part.rule());
            }
        }
        for (Run separator : separators) {
            Run first = separators.get(0);
            if (separator.text().charAt(0) != first.text().charAt(0)) {
                throw fail(input, WHOLE_CODE, separator.start(), "separator " + quote(separator.text().charAt(0))
                        + " at position " + separator.start() + " differs from " + quote(first.text().charAt(0))
                        + " at position " + first.start() + "; " + SEPARATOR_ADVICE);
            }
        }
        checkCharacters(input, contents);
    }

    private void checkSingle(String input, Run separator) {
        if (separator.text().length() > 1) {
            int second = separator.start() + 1;
            throw fail(input, WHOLE_CODE, second, "separator " + quote(separator.text().charAt(1)) + " at position "
                    + second + " follows another separator; " + SEPARATOR_ADVICE);
        }
    }

    /** Throws for the first character that breaks its part's rule; the runs are aligned with the parts. */
    private void checkCharacters(String input, List<Run> aligned) {
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String text = aligned.get(i).text();
            for (int j = 0; j < Math.min(part.length(), text.length()); j++) {
                char c = text.charAt(j);
                if (!part.chars().accepts(c)) {
                    int position = aligned.get(i).start() + j;
                    String hint = part.chars() == Chars.DIGITS && (c == 'O' || c == 'o') ? " (it is the letter O, not zero)" : "";
                    throw fail(input, part.symbol(), position, "character " + quote(c) + " at position " + position
                            + " is not " + part.chars().one + hint + "; " + part.rule());
                }
            }
        }
    }

    /** Rejects '_', '/', '.' and the like where a separator goes: the parts around them are well formed. */
    private void checkNoOtherSeparator(String input, int from, String body) {
        int written = 0;
        int other = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Chars.LETTERS_OR_DIGITS.accepts(c)) {
                written++;
            } else if (!isBoundary(written)) {
                return;
            } else if (other < 0 && !isSeparator(c)) {
                other = i;
            }
        }
        if (other >= 0 && written == length) {
            int position = from + other + 1;
            throw fail(input, WHOLE_CODE, position, "character " + quote(body.charAt(other)) + " at position "
                    + position + " is not an accepted separator; " + SEPARATOR_ADVICE);
        }
    }

    private void checkMissingSeparators(String input, List<Run> contents) {
        int offset = 0;
        List<Integer> separated = new ArrayList<>();
        for (Run run : contents) {
            offset += run.text().length();
            if (!isBoundary(offset)) {
                return;
            }
            separated.add(offset);
        }
        int boundary = 0;
        for (int i = 0; i < parts.size() - 1; i++) {
            boundary += parts.get(i).length();
            if (!separated.contains(boundary)) {
                int position = positionOfCharacter(contents, boundary);
                throw fail(input, WHOLE_CODE, position, "separators at some boundaries but not others: none between "
                        + parts.get(i).title() + " and " + parts.get(i + 1).title() + " at position " + position
                        + "; " + SEPARATOR_ADVICE);
            }
        }
    }

    private InvalidIdentifierException misplacedSeparator(String input, List<Run> contents, List<Run> separators) {
        int offset = 0;
        for (int i = 0; i < separators.size(); i++) {
            offset += contents.get(i).text().length();
            if (!isBoundary(offset)) {
                Part part = partAt(offset);
                Run separator = separators.get(i);
                return fail(input, part.symbol(), separator.start(), "separator " + quote(separator.text().charAt(0))
                        + " at position " + separator.start() + " splits " + part.title() + "; " + part.rule());
            }
        }
        throw new IllegalStateException("no rule broken by " + input);
    }

    private InvalidIdentifierException followedByText(String input, int from, String body, int end) {
        String rest = body.substring(end);
        int next = 0;
        while (next < rest.length() && !Chars.LETTERS_OR_DIGITS.accepts(rest.charAt(next))) {
            next++;
        }
        if (shape.matcher(rest.substring(next)).matches()) {
            int position = from + end + next + 1;
            return fail(input, WHOLE_CODE, position, "two " + identifier + "s run together: a second one starts at position "
                    + position + "; give each " + identifier + " on its own");
        }
        int position = from + end + 1;
        return fail(input, WHOLE_CODE, position, "the code is followed by text '" + rest + "' at position " + position
                + "; " + article + " is exactly " + length + " characters: remove the text after it");
    }

    private InvalidIdentifierException wrongLength(String input, int written, boolean separated) {
        String counted = characters(written) + (separated ? " besides the separators" : "");
        String advice = written == 2 * length
                ? "it looks like two " + identifier + "s run together: give each " + identifier + " on its own"
                : "check for a " + (written < length ? "missing" : "extra") + " character";
        return fail(input, WHOLE_CODE, 0, "has " + counted + "; " + layout() + "; " + advice);
    }

    private String layout() {
        return article + " is " + length + " characters, "
                + String.join(" ", parts.stream().map(Part::symbol).toList());
    }

    private boolean isBoundary(int offset) {
        int boundary = 0;
        for (Part part : parts) {
            if (offset == boundary) {
                return true;
            }
            boundary += part.length();
        }
        return offset == boundary;
    }

    private Part partAt(int offset) {
        int end = 0;
        for (Part part : parts) {
            end += part.length();
            if (offset < end) {
                return part;
            }
        }
        return parts.get(parts.size() - 1);
    }

    private static int positionOfCharacter(List<Run> contents, int offset) {
        int before = 0;
        for (Run run : contents) {
            if (offset < before + run.text().length()) {
                return run.start() + offset - before;
            }
            before += run.text().length();
        }
        throw new IllegalArgumentException("offset " + offset + " is past the code");
    }

    private List<Run> split(Run whole) {
        List<Run> aligned = new ArrayList<>();
        int offset = 0;
        for (Part part : parts) {
            aligned.add(new Run(whole.start() + offset, whole.text().substring(offset, offset + part.length()), false));
            offset += part.length();
        }
        return aligned;
    }

    /** Runs of separators and of anything else, with their 1-based positions in the input. */
    private static List<Run> runs(String body, int from) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= body.length(); i++) {
            if (i == body.length() || isSeparator(body.charAt(i)) != isSeparator(body.charAt(start))) {
                runs.add(new Run(from + start + 1, body.substring(start, i), isSeparator(body.charAt(start))));
                start = i;
            }
        }
        return runs;
    }

    static boolean isSeparator(char c) {
        return c == '-' || c == ' ' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
    }

    static int startOfContent(String input) {
        int start = 0;
        while (start < input.length() && Character.isWhitespace(input.charAt(start))) {
            start++;
        }
        return start;
    }

    static int endOfContent(String input) {
        int end = input.length();
        while (end > 0 && Character.isWhitespace(input.charAt(end - 1))) {
            end--;
        }
        return Math.max(end, startOfContent(input));
    }

    private static String characters(int count) {
        return count + (count == 1 ? " character" : " characters");
    }

    private InvalidIdentifierException fail(String input, String part, int position, String reason) {
        return new InvalidIdentifierException(identifier, input, part, position, reason);
    }
}
