package org.isrcregistry.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllocatedPrefixesTest {

    @Test
    void theWholeListIsLoaded() {
        assertThat(AllocatedPrefixes.all()).hasSize(223);
        assertThat(AllocatedPrefixes.find("CA")).contains(
                new AllocatedPrefix("CA", "CA", "Re:Sound", "CA", false));
    }

    @Test
    void aQuotedFieldWithACommaIsOneField() {
        assertThat(AllocatedPrefixes.find("PR")).hasValueSatisfying(prefix -> {
            assertThat(prefix.agency()).isEqualTo("International ISRC Registration Authority");
            assertThat(prefix.retired()).isTrue();
        });
    }

    @Test
    void everyListedPrefixIsACountryCodeAndTheStartOfAnIsrc() {
        assertThat(AllocatedPrefixes.all()).allSatisfy(prefix -> {
            assertThat(CountryCode.parse(prefix.prefix()).value()).isEqualTo(prefix.prefix());
            assertThat(CountryCode.parse(prefix.prefix()).retired()).isEqualTo(prefix.retired());
            assertThat(Isrc.parse(prefix.prefix() + "-K7Q-26-00001").prefixCode().countryCode().value())
                    .isEqualTo(prefix.prefix());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"YU", "CS", "PR", "IM"})
    void retiredPrefixesStayValid(String prefix) {
        assertThat(AllocatedPrefixes.isAllocated(prefix)).isTrue();
        assertThat(AllocatedPrefixes.isRetired(prefix)).isTrue();
        assertThat(CountryCode.parse(prefix).retired()).isTrue();
        assertThat(Isrc.parse(prefix + "A1B9900001").value()).startsWith(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AA", "XQ", "EU", "QQ"})
    void unlistedPrefixesAreNotAllocated(String prefix) {
        assertThat(AllocatedPrefixes.isAllocated(prefix)).isFalse();
        assertThatThrownBy(() -> CountryCode.parse(prefix))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, error -> {
                    assertThat(error.part()).isEqualTo("CC");
                    assertThat(error.reason()).isEqualTo(prefix
                            + " at position 1 is not an allocated ISRC prefix (IFPI list of 2025-11-04); "
                            + "check the code with its registrant");
                });
    }

    @Test
    void prefixesAreFoundInAnyCase() {
        assertThat(AllocatedPrefixes.isAllocated("gb")).isTrue();
        assertThat(CountryCode.parse(" us ").value()).isEqualTo("US");
        assertThat(AllocatedPrefixes.find(null)).isEmpty();
    }

    @Test
    void aCountryCodeIsTwoLetters() {
        assertThat(List.of("C", "CA1", "C1", "1C", "", "C-A")).allSatisfy(input ->
                assertThatThrownBy(() -> CountryCode.parse(input)).isInstanceOf(InvalidIdentifierException.class));
    }

    @Test
    void theListCannotBeChanged() {
        assertThatThrownBy(() -> AllocatedPrefixes.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
