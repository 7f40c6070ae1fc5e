package org.isrcregistry.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.projections.feed.FeedHalt;
import org.isrcregistry.projections.feed.KafkaFeedPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 1 of issue 11: an event the feed cannot publish used to be retried for ever, re-sent each time, while health
 * said UP. It now halts the feed visibly (health DOWN naming it, the halted gauge at 1) and nothing is sent again. The
 * poison is planted as a row no command can write any more (a stored event that cannot be read back), then taken out
 * of the feed's way; the feed then drains.
 */
@RegistryIntegrationTest
class FeedPoisonTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    FeedHalt halt;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    CommandGateway gateway;

    @Autowired
    TokenStore tokens;

    @Autowired
    TransactionManager transactions;

    @Test
    void aPoisonEventHaltsTheFeedVisiblyAndSendsNothingAgain() {
        String aggregate = "ZZPOISON" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Recording', ?, ?, ?, '1', ?, ?)""", aggregate, eventId,
                "{}".getBytes(StandardCharsets.UTF_8), "{\"isrc\": \"not a code\"}".getBytes(StandardCharsets.UTF_8),
                IsrcAssigned.class.getName(), Instant.now().toString());
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode kafka = http.getForObject("/actuator/health", JsonNode.class).path("components").path("kafka");
                assertThat(kafka.path("status").asText()).isEqualTo("DOWN");
                assertThat(kafka.path("details").path("haltedAt").path("eventId").asText()).isEqualTo(eventId);
                assertThat(kafka.path("details").path("haltedAt").path("reason").asText()).isNotBlank();
            });
            assertThat(gauge("registry.feed.halted")).isEqualTo(1);

            // Halted, the feed starts no batch: nothing is sent again, however often the processor retries.
            FeedFixtures fixtures = new FeedFixtures(gateway, jdbc);
            fixtures.assign(fixtures.newPrefix(), "Behind The Poison");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(gauge("registry.feed.backlog")).isPositive());
        } finally {
            // What an operator would do by deploying an upcaster and restarting the node, in this shared registry: the
            // feed's token is moved past the planted event (the event store keeps recent events in memory, so
            // deleting the row alone would not take it out of the feed's way), and the row removed.
            long poison = jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE eventidentifier = ?",
                    Long.class, eventId);
            EventProcessor feed = processing.eventProcessor(KafkaFeedPublisher.PROCESSING_GROUP).orElseThrow();
            feed.shutDown();
            transactions.executeInTransaction(() -> tokens.storeToken(
                    GapAwareTrackingToken.newInstance(poison, java.util.Set.of()), KafkaFeedPublisher.PROCESSING_GROUP, 0));
            jdbc.update("DELETE FROM domainevententry WHERE eventidentifier = ?", eventId);
            jdbc.update("DELETE FROM deadletterentry WHERE aggregateidentifier = ?", aggregate);
            halt.resume();
            feed.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(gauge("registry.feed.halted")).isZero();
            assertThat(gauge("registry.feed.backlog")).isZero();
            assertThat(http.getForObject("/actuator/health", JsonNode.class).path("components").path("kafka")
                    .path("status").asText()).isEqualTo("UP");
        });
    }

    private double gauge(String name) {
        return http.getForObject("/actuator/metrics/" + name, JsonNode.class)
                .path("measurements").path(0).path("value").asDouble();
    }
}
