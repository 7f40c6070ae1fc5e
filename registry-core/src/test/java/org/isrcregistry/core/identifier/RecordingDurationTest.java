package org.isrcregistry.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingDurationTest {

    @Property
    void theIsoFormReadsBackAsTheSameDuration(@ForAll @LongRange(min = 1, max = 86_400_000) long millis) {
        RecordingDuration duration = RecordingDuration.ofMillis(millis);

        assertThat(RecordingDuration.parse(duration.iso())).isEqualTo(duration);
        assertThat(duration.millis()).isEqualTo(millis);
    }

    @Property
    void plainSecondsAreRead(@ForAll @LongRange(min = 1, max = 86_400_000) long millis) {
        String seconds = "%d.%03d".formatted(millis / 1000, millis % 1000);

        assertThat(RecordingDuration.parse(seconds).millis()).isEqualTo(millis);
    }

    @Example
    void isoAndSecondsFormsOfThreeMinutesEighteen() {
        assertThat(RecordingDuration.parse("PT3M18S").millis()).isEqualTo(198_000);
        assertThat(RecordingDuration.parse("PT3M18.5S").millis()).isEqualTo(198_500);
        assertThat(RecordingDuration.parse("198").millis()).isEqualTo(198_000);
        assertThat(RecordingDuration.parse(" 198.5 ").iso()).isEqualTo("PT3M18.5S");
    }

    @Example
    void theDifferenceIsTheSameWhicheverComesFirst() {
        RecordingDuration radioEdit = RecordingDuration.parse("PT3M18S");
        RecordingDuration album = RecordingDuration.parse("PT3M29.25S");

        assertThat(radioEdit.differenceMillis(album)).isEqualTo(11_250).isEqualTo(album.differenceMillis(radioEdit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "PT0S", "-PT3S", "PT-3S", "0.000"})
    void zeroAndNegativeDurationsAreRefused(String input) {
        assertThatThrownBy(() -> RecordingDuration.parse(input))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        error -> assertThat(error.reason()).startsWith("is not positive"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"86400.001", "PT24H0.001S", "P2D", "198000000"})
    void durationsOverTwentyFourHoursAreRefused(String input) {
        assertThatThrownBy(() -> RecordingDuration.parse(input))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        error -> assertThat(error.reason()).startsWith("is longer than 24 hours"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.0005", "PT3M18.0001S"})
    void subMillisecondPrecisionIsRefused(String input) {
        assertThatThrownBy(() -> RecordingDuration.parse(input))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        error -> assertThat(error.reason()).startsWith("is more precise than a millisecond"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3:18", "1e3", "+198", "three minutes", "PT3X"})
    void otherTextIsRefused(String input) {
        assertThatThrownBy(() -> RecordingDuration.parse(input))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        error -> assertThat(error.identifier()).isEqualTo("duration"));
    }

    /** Finding 2 of issue 11: a JSON number went to the private constructor and skipped the positivity rule. */
    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "-0.5", "0.0", "86401", "\"-PT1S\"", "\"PT0S\""})
    void aJsonDurationIsCheckedWhateverItsForm(String json) {
        assertThatThrownBy(() -> new ObjectMapper().readValue(json, RecordingDuration.class))
                .hasRootCauseInstanceOf(InvalidIdentifierException.class);
    }

    @Example
    void aJsonNumberIsSeconds() throws Exception {
        assertThat(new ObjectMapper().readValue("198.5", RecordingDuration.class).iso()).isEqualTo("PT3M18.5S");
        assertThat(new ObjectMapper().readValue("198", RecordingDuration.class).iso()).isEqualTo("PT3M18S");
    }

    @Example
    void exactlyTwentyFourHoursIsAccepted() {
        assertThat(RecordingDuration.parse("PT24H").millis()).isEqualTo(86_400_000);
    }
}
