package org.isrcregistry.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding 1 (lone surrogates) and 6 (extreme dates) of issue 11, and the text rule every field shares. */
class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"x\ud800y", "x\udc00", "\ud800", "y\udbff"})
    void aLoneSurrogateIsRefusedNamingTheField(String title) {
        assertThatThrownBy(() -> metadata(title, LocalDate.of(2024, 5, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("title");
                    assertThat(e.getMessage()).contains("lone UTF-16 surrogate");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b", "a\nb", "a\tb"})
    void aControlCharacterIsRefusedInAOneLineField(String title) {
        assertThatThrownBy(() -> metadata(title, null)).isInstanceOf(InvalidInputException.class);
    }

    @Example
    void aParagraphKeepsItsLineBreaksButNoOtherControl() {
        assertThat(Text.paragraph(" one\r\ntwo\tthree ", "reason", Text.REASON)).isEqualTo("one\r\ntwo\tthree");
        assertThatThrownBy(() -> Text.paragraph("one\u0000", "reason", Text.REASON))
                .isInstanceOf(InvalidInputException.class);
    }

    @Example
    void aPairedSurrogateIsACharacterAndCountsOnce() {
        String emoji = "\ud83c\udfb5".repeat(Text.TITLE);
        assertThat(metadata(emoji, null).title()).isEqualTo(emoji);
        assertThatThrownBy(() -> metadata(emoji + "x", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("at most 500"));
    }

    @Property
    void anyWellFormedPrintableTextIsKept(@ForAll @StringLength(min = 1, max = 200)
                                          @CharRange(from = ' ', to = '~') @CharRange(from = '\u00a0', to = '\ud7ff') String text) {
        if (!text.isBlank()) {
            assertThat(Text.line(text, "title", Text.TITLE)).isEqualTo(text.strip());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "1876-12-31", "+10000-01-01", "-0001-01-01"})
    void aFirstPublicationOutsideTheRangeIsRefused(String date) {
        assertThatThrownBy(() -> metadata("Title", LocalDate.parse(date)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("firstPublished"));
    }

    @Example
    void theFirstRecordingsAndNextYearsReleasesAreInRange() {
        assertThat(metadata("Title", Dates.EARLIEST).firstPublished()).isEqualTo(Dates.EARLIEST);
        assertThat(metadata("Title", Dates.latest()).firstPublished()).isEqualTo(Dates.latest());
        assertThatThrownBy(() -> metadata("Title", Dates.latest().plusDays(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    private static RecordingMetadata metadata(String title, LocalDate firstPublished) {
        return new RecordingMetadata(title, null, "Ariane Tremblay", null, RecordingDuration.parse("PT3M"),
                RecordingKind.AUDIO, firstPublished);
    }
}
