package org.isrcregistry.projections.recording;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.isrcregistry.core.recording.MatchingText;

/**
 * A "contains" filter on a normalised column of {@code recording_view} ({@code title_match}, {@code artist_match}):
 * the exact test, and the condition on an index that finds the candidates. The text matches anywhere, so of its
 * words the first may end a word of the column and the last may begin one; the words between are whole words. With
 * two words or more, the words index ({@code title_words}) is looked up with the inner words and the last as a prefix
 * (PostgreSQL reads only the posting lists of those words); one word may sit inside a word, so only the trigram index
 * can find it.
 */
record ContainsText(String column, String wordsColumn, String text) {

    /** PostgreSQL's limit on a lexeme's length. */
    private static final int MAX_LEXEME_BYTES = 2047;

    /** The filter on {@code column} (e.g. {@code title_match}, words in {@code title_words}); null for no text. */
    static ContainsText of(String column, String wordsColumn, String query) {
        String text = query == null ? "" : MatchingText.normalise(query);
        return text.isEmpty() ? null : new ContainsText(column, wordsColumn, text);
    }

    /** The exact test, with {@link #text} as its argument; it uses no index, so the planner follows the candidates. */
    String exact() {
        return "strpos(" + column + ", ?) > 0";
    }

    /** Several words, none longer than a lexeme may be (a longer one matches no title: the trigram way says so). */
    boolean byWords() {
        return text.indexOf(' ') >= 0 && Arrays.stream(text.split(" "))
                .allMatch(word -> word.getBytes(StandardCharsets.UTF_8).length <= MAX_LEXEME_BYTES);
    }

    /** The indexed condition, with {@link #candidatesArgument} as its argument. */
    String candidates() {
        return byWords() ? wordsColumn + " @@ ?::tsquery" : column + " LIKE ? ESCAPE '\\'";
    }

    String candidatesArgument() {
        if (!byWords()) {
            return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
        List<String> words = Arrays.asList(text.split(" "));
        String inner = words.subList(1, words.size() - 1).stream().map(ContainsText::lexeme)
                .collect(Collectors.joining(" & "));
        String last = lexeme(words.get(words.size() - 1)) + ":*";
        return inner.isEmpty() ? last : inner + " & " + last;
    }

    /** A tsquery lexeme taken as it is: quoted, with quotes and backslashes doubled. */
    private static String lexeme(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
