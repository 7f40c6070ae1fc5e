package org.isrcregistry.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PrefixCodeTest {

    @Provide
    Arbitrary<PrefixCode> prefixCodes() {
        return IdentifierArbitraries.prefixCodes();
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(IdentifierArbitraries.SEPARATORS);
    }

    @Property
    void writtenFormsReadBackAsTheSamePrefixCode(@ForAll("prefixCodes") PrefixCode prefix,
            @ForAll @From("separators") String separator, @ForAll boolean lowerCase) {
        String written = " " + prefix.countryCode() + separator + prefix.registrantCode() + "\t";

        assertThat(PrefixCode.parse(lowerCase ? written.toLowerCase(Locale.ROOT) : written)).isEqualTo(prefix);
        assertThat(PrefixCode.parse(prefix.display())).isEqualTo(prefix);
        assertThat(PrefixCode.parse(prefix.value())).isEqualTo(prefix);
    }

    @Property
    void aBadCharacterInTheRegistrantCodeIsRefusedAtItsPosition(@ForAll("prefixCodes") PrefixCode prefix,
            @ForAll("badCharacters") char bad) {
        InvalidIdentifierException error =
                catchThrowableOfType(InvalidIdentifierException.class, () -> PrefixCode.parse(prefix.display().substring(0, 4) + bad + "Q"));

        assertThat(error.identifier()).isEqualTo("prefix code");
        assertThat(error.part()).isEqualTo("XXX");
        assertThat(error.position()).isEqualTo(5);
        assertThat(error.reason()).endsWith("the registrant code (XXX) is 3 characters A-Z or 0-9");
    }

    @Provide
    Arbitrary<Character> badCharacters() {
        return Arbitraries.of('_', '#', '*', 'É', '!', '+');
    }

    @Example
    void formsOfAPrefixCode() {
        PrefixCode prefix = PrefixCode.of(CountryCode.parse("ca"), "k7q");

        assertThat(prefix.value()).isEqualTo("CAK7Q").isEqualTo(prefix.toString());
        assertThat(prefix.display()).isEqualTo("CA-K7Q");
        assertThat(prefix.registrantCode()).isEqualTo("K7Q");
        assertThat(prefix).isEqualTo(PrefixCode.parse("CA-K7Q"));
    }

    @Example
    void anUnallocatedPrefixIsRefused() {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> PrefixCode.parse("XQ-K7Q"));

        assertThat(error.getMessage()).isEqualTo("prefix code \"XQ-K7Q\": XQ at position 1 is not an allocated ISRC prefix "
                + "(IFPI list of 2025-11-04); check the code with its registrant");
    }

    @Example
    void aRegistrantCodeOfTheWrongLengthIsRefused() {
        InvalidIdentifierException error =
                catchThrowableOfType(InvalidIdentifierException.class, () -> PrefixCode.of(CountryCode.parse("CA"), "K7"));

        assertThat(error.reason()).startsWith("the registrant code (XXX) 'K7' at position 1 has 2 characters");
    }

    @Example
    void aPrefixCodeFollowedByMoreIsRefused() {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> PrefixCode.parse("CA-K7Q-26"));

        assertThat(error.position()).isEqualTo(7);
        assertThat(error.reason()).contains("a prefix code is exactly 5 characters");
    }
}
