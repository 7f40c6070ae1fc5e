package org.isrcregistry.api.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.prefix.AgencyCountryCodes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agency's settings for the rules of the standard.
 *
 * @param timeZone                    decides the year of reference of a new ISRC (the year it is assigned)
 * @param durationCorrectionTolerance a metadata correction may change the duration by this much; more means the
 *                                    audio changed and needs a new ISRC
 * @param snapshotEvery               a prefix or recording is snapshotted after this many events, so a prefix with
 *                                    100,000 assignments a year still loads in one read
 * @param cachedPrefixes              at most this many prefixes are kept in memory between commands
 * @param countryCodes                the ISRC prefix letters IFPI gave the agency: it allocates registrant codes under
 *                                    these only (e.g. CA for Canada; ZZ is IFPI's own)
 */
@ConfigurationProperties("registry.agency")
public record AgencyProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("10s") Duration durationCorrectionTolerance,
        @DefaultValue("500") int snapshotEvery,
        @DefaultValue("10000") int cachedPrefixes,
        @DefaultValue("CA") List<String> countryCodes) {

    public AgencyCountryCodes agencyCountryCodes() {
        Set<CountryCode> codes = new LinkedHashSet<>();
        for (String code : countryCodes) {
            CountryCode country = CountryCode.parse(code);
            if (country.retired()) {
                throw new IllegalArgumentException("registry.agency.country-codes: " + code + " is retired");
            }
            codes.add(country);
        }
        return new AgencyCountryCodes(codes);
    }
}
