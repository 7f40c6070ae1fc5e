package org.isrcregistry.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ReleaseCodeTest {

    /** The GS1 check digit: weights 3, 1, 3 ... from the right of the payload. */
    private static int gs1CheckDigit(String payload) {
        int sum = 0;
        for (int fromRight = 1; fromRight <= payload.length(); fromRight++) {
            int digit = payload.charAt(payload.length() - fromRight) - '0';
            sum += fromRight % 2 == 1 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    @Provide
    Arbitrary<String> upcs() {
        return Arbitraries.strings().numeric().ofLength(11).map(payload -> payload + gs1CheckDigit(payload));
    }

    @Provide
    Arbitrary<String> eans() {
        return Arbitraries.strings().numeric().ofLength(12).map(payload -> payload + gs1CheckDigit(payload));
    }

    @Property
    void aUpcWithItsCheckDigitReadsBackWithOrWithoutSpacesAndHyphens(@ForAll("upcs") String digits) {
        String grouped = digits.charAt(0) + " " + digits.substring(1, 6) + "-" + digits.substring(6, 11) + " " + digits.charAt(11);

        assertThat(Upc.parse(digits).value()).isEqualTo(digits);
        assertThat(Upc.parse(grouped)).isEqualTo(Upc.parse(digits));
        assertThat(ReleaseCode.parse(grouped)).isEqualTo(Upc.parse(digits));
    }

    @Property
    void anEanWithItsCheckDigitReadsBackWithOrWithoutSpacesAndHyphens(@ForAll("eans") String digits) {
        String grouped = digits.charAt(0) + "-" + digits.substring(1, 7) + " " + digits.substring(7);

        assertThat(Ean.parse(digits).value()).isEqualTo(digits);
        assertThat(Ean.parse(grouped)).isEqualTo(Ean.parse(digits));
        assertThat(ReleaseCode.parse(grouped)).isEqualTo(Ean.parse(digits));
    }

    @Property
    void aWrongCheckDigitIsRefusedWithTheExpectedOne(@ForAll("upcs") String upcDigits, @ForAll("eans") String eanDigits,
            @ForAll @IntRange(min = 1, max = 9) int shift, @ForAll boolean upc) {
        String code = upc ? upcDigits : eanDigits;
        char expected = code.charAt(code.length() - 1);
        char wrong = (char) ('0' + (expected - '0' + shift) % 10);
        String written = code.substring(0, code.length() - 1) + wrong;

        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> ReleaseCode.parse(written));

        assertThat(error.identifier()).isEqualTo(upc ? "UPC" : "EAN");
        assertThat(error.part()).isEqualTo("check digit");
        assertThat(error.position()).isEqualTo(code.length());
        assertThat(error.reason()).contains("check digit " + wrong + " at position " + code.length() + " does not match")
                .contains("is " + expected);
    }

    @Example
    void knownCodesAreRead() {
        assertThat(ReleaseCode.parse("036000291452")).isInstanceOf(Upc.class)
                .extracting(ReleaseCode::kind).isEqualTo("UPC");
        assertThat(ReleaseCode.parse("4006381333931")).isInstanceOf(Ean.class)
                .extracting(ReleaseCode::kind).isEqualTo("EAN");
        assertThat(Upc.parse("036000291452")).hasToString("036000291452");
    }

    @Example
    void aCodeOfAnotherLengthIsRefused() {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> ReleaseCode.parse("12345678901"));

        assertThat(error.reason()).startsWith("has 11 digits; a UPC is 12 digits and an EAN 13 digits");
    }

    @Example
    void aLetterIsRefusedAtItsPosition() {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> Upc.parse("0360002914A2"));

        assertThat(error.position()).isEqualTo(11);
        assertThat(error.reason()).startsWith("character 'A' at position 11 is not a digit");
    }

    @Example
    void anEanIsNotReadAsAUpc() {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> Upc.parse("4006381333931"));

        assertThat(error.reason()).startsWith("has 13 digits; a UPC is 12 digits");
    }
}
