package org.isrcregistry.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client limits ({@link ClientRateLimit}); the defaults are in application.yml.
 *
 * @param enabled               off: no limit at all (a deployment behind a gateway that limits already)
 * @param anonymous             requests without a usable token to the public operations and the console's sign-in
 * @param failedAuthentications requests whose token was refused (401); once used up, the client's requests with a
 *                              token are refused before their token is even looked at
 */
@Validated
@ConfigurationProperties("registry.api.rate-limit")
record RateLimitProperties(boolean enabled, @Valid @NotNull Limit anonymous, @Valid @NotNull Limit failedAuthentications) {

    /** At most {@code requests} per {@code period}, all at once or spread out; the allowance refills steadily. */
    record Limit(@Positive long requests, @NotNull Duration period) {
    }
}
