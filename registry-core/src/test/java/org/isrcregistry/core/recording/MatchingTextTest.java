package org.isrcregistry.core.recording;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingTextTest {

    @Test
    void ignoresAccentsCaseAndRunsOfWhitespace() {
        assertThat(MatchingText.normalise("  Céline\u00a0 DION\t")).isEqualTo("celine dion");
        assertThat(MatchingText.normalise("Les Saisons")).isEqualTo(MatchingText.normalise("les  saisons"));
    }

    @Test
    void keepsWordsApart() {
        assertThat(MatchingText.normalise("Les saisons")).isNotEqualTo(MatchingText.normalise("Lessaisons"));
    }

    @Test
    void plainAsciiTakesTheShortWayToTheSameResult() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x250; c++) {
            all.append(c);
        }
        java.util.Random random = new java.util.Random(42);
        String alphabet = all + "  \u00a0\u2003\u0301\u0308AaZz09";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? alphabet.length() : 0x7f)));
            }
            assertThat(MatchingText.normalise(text.toString())).as("'%s'", text)
                    .isEqualTo(MatchingText.byTheFullRule(text.toString()));
        }
        assertThat(MatchingText.normalise("Catalogue Recording DEX262300001")).isEqualTo("catalogue recording dex262300001");
        assertThat(MatchingText.normalise("")).isEmpty();
    }
}
