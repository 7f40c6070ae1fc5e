package org.isrcregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@RegistryIntegrationTest
class OperabilityTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthShowsPostgresAndKafkaAsComponents() {
        // The embedded broker starts beside the application; the registry does not wait for it.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(
                http.getForObject("/actuator/health", JsonNode.class).path("components").path("kafka").path("status").asText()));
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("details").path("database").asText())
                .isEqualTo("PostgreSQL");
        assertThat(health.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessDependsOnPostgresButNotOnKafka() {
        JsonNode readiness = http.getForObject("/actuator/health/readiness", JsonNode.class);

        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("db")).isTrue();
        assertThat(readiness.path("components").has("kafka")).isFalse();
    }

    @Test
    void flywayOwnsTheEventStoreWithByteaPayloadsAndAnIncrementOneSequence() {
        List<String> payloadTypes = jdbc.queryForList("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name IN ('domainevententry', 'snapshotevententry', 'tokenentry', 'deadletterentry')
                  AND column_name IN ('payload', 'metadata', 'token', 'diagnostics')""", String.class);
        Long increment = jdbc.queryForObject(
                "SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_global_index_seq'",
                Long.class);
        Integer oidColumns = jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'oid'",
                Integer.class);

        assertThat(payloadTypes).hasSize(9).containsOnly("bytea");
        assertThat(increment).isEqualTo(1L);
        assertThat(oidColumns).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isPositive();
    }
}
