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
}
