package org.isrcregistry.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class IswcTest {

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofLength(9);
    }

    private static int checkDigit(String nineDigits) {
        int sum = 1;
        for (int i = 1; i <= 9; i++) {
            sum += i * (nineDigits.charAt(i - 1) - '0');
        }
        return (10 - sum % 10) % 10;
    }

    @Property
    void storedAndDisplayedFormsReadBackAsTheSameIswc(@ForAll("digits") String digits, @ForAll boolean lowerCase) {
        Iswc iswc = Iswc.parse("T" + digits + checkDigit(digits));

        assertThat(iswc.value()).isEqualTo("T" + digits + checkDigit(digits));
        assertThat(Iswc.parse(lowerCase ? iswc.display().toLowerCase(Locale.ROOT) : iswc.display())).isEqualTo(iswc);
        assertThat(Iswc.parse(" " + iswc.value() + " ")).isEqualTo(iswc);
    }

    @Property
    void aWrongCheckDigitIsRefusedWithTheExpectedOne(@ForAll("digits") String digits,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        int expected = checkDigit(digits);
        String written = "T-" + digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6)
                + "-" + (expected + shift) % 10;

        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> Iswc.parse(written));

        assertThat(error.part()).isEqualTo("check digit");
        assertThat(error.position()).isEqualTo(15);
        assertThat(error.reason()).contains(" is " + expected + ";");
    }

    @Example
    void theUsersManualExampleIsRead() {
        Iswc iswc = Iswc.parse("T-034.524.680-1");

        assertThat(iswc.value()).isEqualTo("T0345246801").isEqualTo(iswc.toString());
        assertThat(iswc.display()).isEqualTo("T-034.524.680-1");
    }

    @Example
    void aCodeNotStartingWithTIsRefused() {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> Iswc.parse("0345246801"));

        assertThat(error.position()).isEqualTo(1);
        assertThat(error.reason()).startsWith("character '0' at position 1 is not the letter T");
    }

    @Example
    void aLetterAmongTheDigitsIsRefusedAtItsPosition() {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> Iswc.parse("T-034.52A.680-1"));

        assertThat(error.position()).isEqualTo(9);
    }

    @Example
    void missingDigitsAreRefused() {
        InvalidIdentifierException error = catchThrowableOfType(InvalidIdentifierException.class, () -> Iswc.parse("T-034.524.68-1"));

        assertThat(error.reason()).startsWith("has 9 digits after the T");
    }
}
