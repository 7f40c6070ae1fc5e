package org.isrcregistry.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@RegistryIntegrationTest
class IdempotencyKeyTest extends WithNewPrefix {

    private int isrcsIssued() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?
                AND payloadtype = 'org.isrcregistry.core.prefix.DesignationTaken'""", Integer.class, prefix.replace("-", ""));
    }

    /** The scenario 6 (docs/reliability.md): a client retrying one request 50 times at once. */
    @Test
    void fiftyConcurrentRetriesWithOneKeyAssignOneIsrcAndAllGetTheFirstResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(50);
        try {
            List<Future<ResponseEntity<JsonNode>>> responses = IntStream.range(0, 50)
                    .mapToObj(i -> threads.submit(() -> {
                        start.await();
                        return registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Once"), key);
                    })).toList();
            start.countDown();

            List<ResponseEntity<JsonNode>> answered = responses.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();

            assertThat(answered).allSatisfy(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED));
            assertThat(answered.stream().map(r -> r.getBody().path("isrc").asText()).distinct()).hasSize(1);
            assertThat(answered.stream().map(r -> r.getHeaders().getLocation()).distinct()).hasSize(1);
            assertThat(answered.stream().map(ResponseEntity::getBody).distinct()).hasSize(1);
            assertThat(answered.stream().filter(r -> "true".equals(r.getHeaders().getFirst("Idempotent-Replayed"))))
                    .hasSize(49);
            assertThat(isrcsIssued()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(DISTINCT aggregateidentifier) FROM domainevententry"
                    + " WHERE aggregateidentifier LIKE ? AND aggregateidentifier <> ?", Integer.class,
                    prefix.replace("-", "") + "%", prefix.replace("-", ""))).as("recordings under the prefix").isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLaterRetryGetsTheFirstResponseAndAnotherKeyAssignsAnotherCode() {
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> first = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Retry"), key);
        ResponseEntity<JsonNode> retry = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Retry"), key);
        ResponseEntity<JsonNode> other = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Retry"), UUID.randomUUID().toString());

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(other.getBody().path("isrc").asText()).isNotEqualTo(first.getBody().path("isrc").asText());
        assertThat(isrcsIssued()).isEqualTo(2);
    }

    @Test
    void aRefusalIsReplayedToo() {
        String key = UUID.randomUUID().toString();
        String bad = "{\"title\": \"No owner\", \"mainArtist\": \"A\", \"duration\": \"PT3M\", \"kind\": \"AUDIO\"}";

        ResponseEntity<JsonNode> first = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", bad, key);
        ResponseEntity<JsonNode> retry = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", bad, key);

        assertProblem(retry, HttpStatus.BAD_REQUEST, "invalid-field", "owner");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(isrcsIssued()).isZero();
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("First"), key);

        ResponseEntity<JsonNode> different = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Second"), key);

        assertProblem(different, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key");
        assertThat(isrcsIssued()).isEqualTo(1);
    }

    @Test
    void anExpiredKeyIsForgottenAndAFreshOneIsKept(@Autowired IdempotencyKeyExpiry expiry) {
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> first = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Old"), old);
        registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Fresh"), fresh);
        jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = ?", old);

        assertThat(expiry.expire()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE key IN (?, ?)", Integer.class,
                old, fresh)).isEqualTo(1);
        ResponseEntity<JsonNode> afterExpiry = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Old"), old);
        assertThat(afterExpiry.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(afterExpiry.getBody().path("isrc").asText()).isNotEqualTo(first.getBody().path("isrc").asText());
    }
}
