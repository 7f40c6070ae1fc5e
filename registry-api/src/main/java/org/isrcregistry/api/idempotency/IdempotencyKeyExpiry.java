package org.isrcregistry.api.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys older than {@code registry.api.idempotency.retention}. Several nodes may run it at once:
 * a delete is harmless twice.
 */
@Component
class IdempotencyKeyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;

    IdempotencyKeyExpiry(IdempotencyKeys keys, IdempotencyProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${registry.api.idempotency.cleanup-interval:15m}",
            fixedDelayString = "${registry.api.idempotency.cleanup-interval:15m}")
    int expire() {
        int deleted = keys.deleteOlderThan(properties.retention());
        if (deleted > 0) {
            log.info("Deleted {} idempotency keys older than {}", deleted, properties.retention());
        }
        return deleted;
    }
}
