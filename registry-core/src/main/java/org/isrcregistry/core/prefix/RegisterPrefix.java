package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;

import java.util.Objects;

/**
 * Allocates a prefix code to a registrant: an explicit one, or (prefixCode null) the next free
 * registrant code under the country code. A null range means the full range 00000-99999.
 */
public record RegisterPrefix(
        PrefixCode prefixCode,
        CountryCode countryCode,
        RegistrantId registrant,
        DesignationRange range) implements PrefixCommand {

    public RegisterPrefix {
        Objects.requireNonNull(registrant, "registrant is required");
        if (prefixCode != null) {
            if (countryCode != null && !countryCode.value().equals(prefixCode.countryCode().value())) {
                throw new IllegalArgumentException("prefix code " + prefixCode.display()
                        + " is not under country code " + countryCode.value());
            }
            countryCode = prefixCode.countryCode();
        }
        Objects.requireNonNull(countryCode, "a prefix code or a country code is required");
        range = range == null ? DesignationRange.full() : range;
    }

    public static RegisterPrefix withCode(PrefixCode prefixCode, RegistrantId registrant) {
        return new RegisterPrefix(prefixCode, null, registrant, null);
    }

    public static RegisterPrefix inCountry(CountryCode countryCode, RegistrantId registrant) {
        return new RegisterPrefix(null, countryCode, registrant, null);
    }
}
