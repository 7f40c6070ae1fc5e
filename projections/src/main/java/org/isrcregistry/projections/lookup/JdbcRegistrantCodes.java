package org.isrcregistry.projections.lookup;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.prefix.RegistrantCodes;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The next free registrant code of a country: the first in the order 000, 001 ... 009, 00A ... ZZZ (digits before
 * letters, as the codes sort) not yet registered.
 */
public class JdbcRegistrantCodes implements RegistrantCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int CODES = ALPHABET.length() * ALPHABET.length() * ALPHABET.length();

    private final JdbcTemplate jdbc;

    public JdbcRegistrantCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> nextFree(CountryCode countryCode) {
        Set<String> taken = new HashSet<>(jdbc.queryForList(
                "SELECT substr(prefix_code, 3) FROM lookup_prefix_code WHERE country_code = ?", String.class,
                countryCode.value()));
        return IntStream.range(0, CODES).mapToObj(JdbcRegistrantCodes::code).filter(c -> !taken.contains(c))
                .findFirst();
    }

    private static String code(int n) {
        int base = ALPHABET.length();
        return "" + ALPHABET.charAt(n / (base * base)) + ALPHABET.charAt(n / base % base) + ALPHABET.charAt(n % base);
    }
}
