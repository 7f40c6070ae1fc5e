package org.isrcregistry.api.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send.
 *
 * @param maxBodySize      a JSON request body
 * @param maxImportSize    a bulk import's body (CSV or NDJSON)
 * @param maxImportRows    rows in one bulk import
 * @param maxValidationCodes codes in one {@code POST /v1/isrc-validations}
 */
@ConfigurationProperties("registry.api")
public record ApiLimits(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("64MB") DataSize maxImportSize,
        @DefaultValue("100000") int maxImportRows,
        @DefaultValue("10000") int maxValidationCodes) {
}
