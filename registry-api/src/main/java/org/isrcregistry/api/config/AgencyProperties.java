package org.isrcregistry.api.config;

import java.time.Duration;
import java.time.ZoneId;
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
 */
@ConfigurationProperties("registry.agency")
public record AgencyProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("10s") Duration durationCorrectionTolerance,
        @DefaultValue("500") int snapshotEvery,
        @DefaultValue("10000") int cachedPrefixes) {
}
