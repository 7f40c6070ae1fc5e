package org.isrcregistry.core.identifier;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid identifiers and of the ways people write them. */
final class IdentifierArbitraries {

    /** Every separator the ISRC syntax accepts between parts, and none. */
    static final List<String> SEPARATORS =
            List.of("", "-", " ", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212");

    private IdentifierArbitraries() {
    }

    static Arbitrary<String> allocatedPrefixes() {
        return Arbitraries.of(AllocatedPrefixes.all().stream().map(AllocatedPrefix::prefix).toList());
    }

    static Arbitrary<String> registrantCodes() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(3);
    }

    static Arbitrary<PrefixCode> prefixCodes() {
        return Combinators.combine(allocatedPrefixes(), registrantCodes())
                .as((cc, xxx) -> PrefixCode.of(CountryCode.parse(cc), xxx));
    }

    static Arbitrary<Isrc> isrcs() {
        return Combinators.combine(prefixCodes(), Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99_999))
                .as((prefix, year, designation) -> "%s%02d%05d".formatted(prefix, year, designation))
                .filter(value -> !Isrc.HANDBOOK_EXAMPLES.contains(value))
                .map(Isrc::parse);
    }

    /** The four parts CC, XXX, YY, NNNNN of an ISRC as stored. */
    static List<String> parts(Isrc isrc) {
        String value = isrc.value();
        return List.of(value.substring(0, 2), value.substring(2, 5), value.substring(5, 7), value.substring(7));
    }

    /** The parts with {@code separators[i]} between part i and part i + 1. */
    static String joined(List<String> parts, List<String> separators) {
        StringBuilder written = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            written.append(separators.get(i - 1)).append(parts.get(i));
        }
        return written.toString();
    }
}
