package org.isrcregistry.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isrcregistry.api.feed.FeedFixtures.firstArrivals;
import static org.isrcregistry.api.feed.FeedFixtures.hasAll;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.isrcregistry.api.KafkaTestConsumer;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.embedded.EmbeddedKafkaBroker;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The broker stops (same port, same log directory when it returns) while codes are being assigned: for 100 codes
 * here, for minutes in {@link LongBrokerOutageTest} (scenario 4, docs/reliability.md).
 */
@RegistryIntegrationTest
class BrokerOutageTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    CommandGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    TestRestTemplate http;

    @Test
    void withTheBrokerDownCodesAreStillAssignedAndTheBacklogArrivesInOrderWhenItReturns() throws Exception {
        FeedFixtures fixtures = new FeedFixtures(gateway, jdbc);
        PrefixCode prefix = fixtures.newPrefix();
        List<Isrc> assigned = new ArrayList<>();

        broker.stop();
        long downUntil = System.nanoTime() + outage().toNanos();
        try {
            for (int i = 0; i < 100 || System.nanoTime() < downUntil; i++) {
                assigned.add(fixtures.assign(prefix, "Outage Song " + i));
                if (i >= 100) {
                    Thread.sleep(200); // a steady trickle: the checks below compare every code's events
                }
            }
            JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
            assertThat(health.path("components").path("kafka").path("status").asText()).isEqualTo("DOWN");
            assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
            assertThat(http.getForObject("/actuator/health/readiness", JsonNode.class).path("status").asText())
                    .isEqualTo("UP");
            assertThat(backlog()).isGreaterThanOrEqualTo(200);
        } finally {
            broker.start();
        }

        List<String> prefixEvents = fixtures.eventIds(prefix.value());
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafka, "isrc-registry.events")) {
            List<ConsumerRecord<String, byte[]>> records = consumer.pollUntil(seen ->
                    hasAll(seen, prefix.value(), new HashSet<>(prefixEvents))
                            && assigned.stream().allMatch(isrc -> hasAll(seen, isrc.value(),
                            new HashSet<>(fixtures.eventIds(isrc.value())))), Duration.ofSeconds(60).plus(outage()));

            assertThat(firstArrivals(records, prefix.value())).as("the prefix's designations, in order")
                    .hasSize(assigned.size() + 1).isEqualTo(prefixEvents);
            for (Isrc isrc : assigned) {
                assertThat(firstArrivals(records, isrc.value())).isEqualTo(fixtures.eventIds(isrc.value()));
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(backlog()).isZero();
            assertThat(http.getForObject("/actuator/health", JsonNode.class).path("components").path("kafka")
                    .path("status").asText()).isEqualTo("UP");
        });
    }

    /** How long the broker stays down at least, codes being assigned all along. */
    Duration outage() {
        return Duration.ZERO;
    }

    private double backlog() {
        return http.getForObject("/actuator/metrics/registry.feed.backlog", JsonNode.class)
                .path("measurements").path(0).path("value").asDouble();
    }
}
