package org.isrcregistry.core.recording;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation used to compare artist names and titles, in the aggregates and in the
 * lookup tables alike: accents, case and runs of whitespace do not make two names different.
 */
public final class MatchingText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    private MatchingText() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        if (plain(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        return byTheFullRule(text);
    }

    /**
     * Printable ASCII with single spaces inside only: no accents to take off, no whitespace to fold, so the rule
     * below leaves nothing but the lower case (MatchingTextTest holds the two ways equal). Most titles and names are;
     * the rule's Unicode decomposition and two regular expressions cost the projections and the imports much.
     */
    private static boolean plain(String text) {
        int last = text.length() - 1;
        if (last < 0 || text.charAt(0) == ' ' || text.charAt(last) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The rule for any text: Unicode decomposition, combining marks removed, whitespace folded, lower case. */
    static String byTheFullRule(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unaccented = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return WHITESPACE.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
