package org.isrcregistry.api.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency keys ({@link IdempotencyFilter}).
 *
 * @param retryWait       how long a retry waits for the first request with its key before 409
 * @param retention       how long a key is remembered; a retry after that runs as a new request, so this must exceed
 *                        the longest time a client keeps retrying (a request that never completed, e.g. its node
 *                        crashed, frees its key after this too)
 * @param cleanupInterval how often expired keys are deleted
 */
@ConfigurationProperties("registry.api.idempotency")
record IdempotencyProperties(
        @DefaultValue("30s") Duration retryWait,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("15m") Duration cleanupInterval) {
}
