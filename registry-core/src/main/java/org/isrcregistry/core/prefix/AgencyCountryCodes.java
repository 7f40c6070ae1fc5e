package org.isrcregistry.core.prefix;

import java.util.Set;
import java.util.stream.Collectors;
import org.isrcregistry.core.identifier.CountryCode;

/**
 * The prefix letters IFPI gave this agency: it allocates registrant codes under these only (each national agency has
 * its own, and {@code ZZ} is IFPI's).
 */
public record AgencyCountryCodes(Set<CountryCode> codes) {

    public AgencyCountryCodes {
        codes = Set.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("the agency needs at least one country code (registry.agency.country-codes)");
        }
    }

    public boolean allows(CountryCode code) {
        return codes.contains(code);
    }

    public String describe() {
        return codes.stream().map(CountryCode::value).sorted().collect(Collectors.joining(", "));
    }
}
