package org.isrcregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tokens are kept in memory, and a change made by any node (here: straight in the database, as another node's
 * revocation or prefix transfer is) takes effect here as soon as PostgreSQL's notification arrives, or at once while
 * this node does not listen.
 */
@RegistryIntegrationTest
class TokenChangesTest extends WithNewPrefix {

    @Autowired
    TokenChanges changes;

    @Autowired
    MeterRegistry meters;

    @Test
    void aTokenIsReadOnceThenKeptAndARevocationElsewhereHoldsHereOnceNotified() {
        JsonNode token = issue();
        String secret = token.path("token").asText();
        double hits = hits();
        for (int i = 0; i < 3; i++) {
            assertThat(read(secret)).isEqualTo(HttpStatus.OK);
        }
        assertThat(hits()).isGreaterThanOrEqualTo(hits + 3);

        long revokedAt = System.nanoTime();
        jdbc.update("UPDATE api_token SET revoked_at = now(), revoked_by = 'another node' WHERE id = ?",
                UUID.fromString(token.path("id").asText()));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(1))
                .until(() -> read(secret) == HttpStatus.UNAUTHORIZED);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(1));
        changes.sync();
        assertThat(read(secret)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void whileTheNodeDoesNotListenEveryRequestReadsTheTable() {
        JsonNode token = issue();
        String secret = token.path("token").asText();
        assertThat(read(secret)).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(10)).until(changes::listening);

        jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
                TokenChanges.LISTENER);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> !changes.listening());
        jdbc.update("UPDATE api_token SET revoked_at = now(), revoked_by = 'another node' WHERE id = ?",
                UUID.fromString(token.path("id").asText()));
        assertThat(read(secret)).isEqualTo(HttpStatus.UNAUTHORIZED);

        await().atMost(Duration.ofSeconds(10)).until(changes::listening);
        JsonNode next = issue();
        assertThat(read(next.path("token").asText())).isEqualTo(HttpStatus.OK);
        assertThat(read(secret)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode issue() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        JsonNode issued = http.exchange("/v1/admin/tokens", HttpMethod.POST, new HttpEntity<>(
                "{\"name\": \"Kept " + UUID.randomUUID() + "\", \"role\": \"AUDITOR\"}", headers), JsonNode.class)
                .getBody();
        assertThat(issued.path("token").asText()).startsWith("isrc_");
        return issued;
    }

    private HttpStatus read(String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(secret);
        return HttpStatus.valueOf(http.exchange("/v1/prefixes/" + prefix, HttpMethod.GET, new HttpEntity<>(headers),
                JsonNode.class).getStatusCode().value());
    }

    private double hits() {
        return meters.get("cache.gets").tag("cache", "registry.tokens").tag("result", "hit").functionCounter()
                .count();
    }
}
