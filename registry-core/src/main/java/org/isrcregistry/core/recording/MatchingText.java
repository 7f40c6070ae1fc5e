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
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unaccented = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return WHITESPACE.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
