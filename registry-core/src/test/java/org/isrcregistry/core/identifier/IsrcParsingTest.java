package org.isrcregistry.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IsrcParsingTest {

    @Provide
    Arbitrary<Isrc> isrcs() {
        return IdentifierArbitraries.isrcs();
    }

    @Property
    void storedDisplayedAndLabelledFormsReadBackAsTheSameIsrc(@ForAll("isrcs") Isrc isrc) {
        assertThat(List.of(isrc.value(), isrc.display(), isrc.labelled()))
                .allSatisfy(written -> assertThat(Isrc.parse(written)).isEqualTo(isrc));
    }

    @Property
    void lowerCaseIsReadAsUpperCase(@ForAll("isrcs") Isrc isrc) {
        assertThat(Isrc.parse(isrc.labelled().toLowerCase(Locale.ROOT))).isEqualTo(isrc);
        assertThat(Isrc.parse(isrc.value().toLowerCase(Locale.ROOT))).isEqualTo(isrc);
    }

    @Property
    void theSameSeparatorAtAllThreeBoundariesIsAccepted(@ForAll("isrcs") Isrc isrc,
            @ForAll @From("separators") String separator) {
        String written = IdentifierArbitraries.joined(IdentifierArbitraries.parts(isrc), Collections.nCopies(3, separator));

        assertThat(Isrc.parse(written)).isEqualTo(isrc);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(IdentifierArbitraries.SEPARATORS);
    }

    @Property
    void labelFollowedBySpacesOrAColonAndSurroundingWhitespaceAreStripped(@ForAll("isrcs") Isrc isrc,
            @ForAll @From("labels") String label, @ForAll @From("whitespace") String before,
            @ForAll @From("whitespace") String after, @ForAll boolean displayed) {
        String written = before + label + (displayed ? isrc.display() : isrc.value()) + after;

        assertThat(Isrc.parse(written)).isEqualTo(isrc);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.of("", "ISRC ", "isrc   ", "Isrc:", "ISRC: ", "ISRC :", "ISRC  :  ", "iSrC:");
    }

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.of("", " ", "  ", "\t", "\n", " \r\n");
    }

    @Property
    void partsAreReadIntoTheirFields(@ForAll("isrcs") Isrc isrc) {
        Isrc rebuilt = Isrc.of(isrc.prefixCode(), isrc.yearOfReference(), isrc.designation());

        assertThat(rebuilt).isEqualTo(isrc);
        assertThat(rebuilt.value()).isEqualTo(isrc.toString()).hasSize(12);
    }

    @Example
    void formsOfAnIsrc() {
        Isrc isrc = Isrc.parse("isrc: ca-k7q-26-00001");

        assertThat(isrc.value()).isEqualTo("CAK7Q2600001");
        assertThat(isrc.display()).isEqualTo("CA-K7Q-26-00001");
        assertThat(isrc.labelled()).isEqualTo("ISRC CA-K7Q-26-00001");
        assertThat(isrc.prefixCode().display()).isEqualTo("CA-K7Q");
        assertThat(isrc.yearOfReference()).isEqualTo(26);
        assertThat(isrc.designation()).isEqualTo(1);
    }

    @Example
    void isrcsOrderByTheirStoredForm() {
        assertThat(Stream.of("GBAYE0000351", "CAK7Q2600002", "CAK7Q2600001").map(Isrc::parse).sorted().map(Isrc::value))
                .containsExactly("CAK7Q2600001", "CAK7Q2600002", "GBAYE0000351");
    }

    @Example
    void aCodeStartingWithTheLettersIsrcIsACodeNotALabel() {
        assertThat(Isrc.parse("ISRC12600001").prefixCode().value()).isEqualTo("ISRC1");
    }

    @Example
    void checkReturnsTheIsrcOfAValidInput() {
        assertThat(Isrc.check(" CA-K7Q-26-00001 ").toOptional()).contains(Isrc.parse("CAK7Q2600001"));
    }

    @Example
    void checkReturnsTheErrorOfAnInvalidInputInsteadOfThrowing() {
        ParseOutcome<Isrc> outcome = Isrc.check("CA-K7Q-26-0000A");

        assertThat(outcome.isValid()).isFalse();
        assertThat(outcome).isInstanceOfSatisfying(ParseOutcome.Invalid.class,
                invalid -> assertThat(invalid.error().getMessage()).isEqualTo(
                        "ISRC \"CA-K7Q-26-0000A\": character 'A' at position 15 is not a digit; "
                                + "the designation code (NNNNN) is 5 digits 0-9"));
    }
}
