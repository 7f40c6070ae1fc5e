package org.isrcregistry.core.registrant;

import java.util.List;
import java.util.Objects;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.input.Text;

/**
 * Who a registrant is, as the agency's file and the ISO 3901 listings name it. Contacts and postal address are
 * personal data and are not part of it: they are kept apart, erasable (docs/registrants.md).
 */
public record RegistrantDetails(String legalName, List<String> tradingNames, CountryCode country) {

    public RegistrantDetails {
        legalName = Text.line(legalName, "legalName", Text.NAME);
        tradingNames = tradingNames == null ? List.of()
                : tradingNames.stream().map(name -> Text.optionalLine(name, "tradingNames", Text.NAME))
                        .filter(Objects::nonNull).distinct().toList();
        Objects.requireNonNull(country, "country is required");
    }
}
