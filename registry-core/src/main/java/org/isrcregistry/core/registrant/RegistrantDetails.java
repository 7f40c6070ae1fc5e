package org.isrcregistry.core.registrant;

import java.util.List;
import java.util.Objects;
import org.isrcregistry.core.identifier.CountryCode;

/**
 * Who a registrant is, as the agency's file and the ISO 3901 listings name it. Contacts and postal address are
 * personal data and are not part of it: they are kept apart, erasable (docs/registrants.md).
 */
public record RegistrantDetails(String legalName, List<String> tradingNames, CountryCode country) {

    public RegistrantDetails {
        if (legalName == null || legalName.isBlank()) {
            throw new IllegalArgumentException("legalName is required");
        }
        legalName = legalName.strip();
        tradingNames = tradingNames == null ? List.of()
                : tradingNames.stream().filter(Objects::nonNull).map(String::strip).filter(n -> !n.isEmpty())
                        .distinct().toList();
        Objects.requireNonNull(country, "country is required");
    }
}
