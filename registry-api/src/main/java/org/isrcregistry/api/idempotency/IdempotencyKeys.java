package org.isrcregistry.api.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.isrcregistry.api.problem.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The idempotency keys in PostgreSQL; see {@link IdempotencyFilter}. */
@Component
class IdempotencyKeys {

    /** A stored response; {@code status} is null while the first request runs. */
    record StoredResponse(String requestHash, Integer status, String contentType, String location, byte[] body) {
    }

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    /**
     * Keys whose request finished while the database was out of reach, to be completed or released once it is back:
     * otherwise a retry would wait for a first request that is long over, and for the key's whole retention.
     */
    private final Queue<Runnable> unsettled = new ConcurrentLinkedQueue<>();

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the first request's response under its key ({@code response} null: releases the key for a retry, the
     * request having stored nothing); if the database is out of reach, as soon as it is back.
     */
    void settle(String scope, String key, StoredResponse response) {
        Runnable settle = () -> {
            if (response == null) {
                release(scope, key);
            } else {
                complete(scope, key, response);
            }
        };
        try {
            settle.run();
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.causedBy(e)) {
                throw e;
            }
            log.warn("Idempotency-Key of {} kept in memory until the database is back: {}", scope, e.getMessage());
            unsettled.add(settle);
        }
    }

    @Scheduled(fixedDelay = 1000)
    void settleWhatWaitsForTheDatabase() {
        for (Runnable next = unsettled.peek(); next != null; next = unsettled.peek()) {
            try {
                next.run();
            } catch (RuntimeException stillDown) {
                return;
            }
            unsettled.remove();
        }
    }

    /** True if this request is the first with the key; the primary key decides between concurrent ones. */
    boolean claim(String scope, String key, String requestHash) {
        return jdbc.update("""
                INSERT INTO idempotency_key (scope, key, request_hash) VALUES (?, ?, ?)
                ON CONFLICT (scope, key) DO NOTHING""", scope, key, requestHash) == 1;
    }

    Optional<StoredResponse> find(String scope, String key) {
        return jdbc.query("""
                        SELECT request_hash, status, content_type, location, body FROM idempotency_key
                        WHERE scope = ? AND key = ?""",
                (rs, n) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5)), scope, key).stream().findFirst();
    }

    void complete(String scope, String key, StoredResponse response) {
        jdbc.update("""
                        UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ?, completed_at = now()
                        WHERE scope = ? AND key = ?""",
                response.status(), response.contentType(), response.location(), response.body(), scope, key);
    }

    void release(String scope, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE scope = ? AND key = ? AND status IS NULL", scope, key);
    }

    /** Deletes keys claimed before {@code age} ago, in chunks so that no delete holds many row locks for long. */
    int deleteOlderThan(Duration age) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    DELETE FROM idempotency_key WHERE ctid IN (
                        SELECT ctid FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?) LIMIT 10000)""",
                    (double) age.toMillis() / 1000);
            total += deleted;
        } while (deleted == 10000);
        return total;
    }
}
