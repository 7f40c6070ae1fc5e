package org.isrcregistry.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isrcregistry.api.KafkaTestConsumer.header;
import static org.isrcregistry.api.feed.FeedFixtures.firstArrivals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.isrcregistry.api.KafkaTestConsumer;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.projections.feed.KafkaFeedPublisher;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@RegistryIntegrationTest
class FeedReplayTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    EventProcessingConfiguration processing;

    private ResponseEntity<JsonNode> replay(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/v1/admin/feed/replay", new HttpEntity<>(body, headers), JsonNode.class);
    }

    @Test
    void aReplayToANewTopicRepublishesEveryEventFromTheFirstWithoutMovingAnyProcessor() {
        FeedFixtures fixtures = new FeedFixtures(gateway, jdbc);
        PrefixCode prefix = fixtures.newPrefix();
        Isrc song = fixtures.assign(prefix, "Replayed Song");
        PrefixCode old = fixtures.unusedPrefix();
        fixtures.storeRevision1PrefixRegistered(old, "Disques Anciens");
        Map<String, Long> positionsBefore = positions();
        String topic = "replay-" + UUID.randomUUID();

        ResponseEntity<JsonNode> started = replay("{\"topic\": \"" + topic + "\"}");

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/v1/admin/feed/replay");
        assertThat(started.getBody().path("topic").asText()).isEqualTo(topic);
        long head = started.getBody().path("head").asLong();
        List<String> stored = jdbc.query(
                "SELECT eventidentifier, payloadtype FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex",
                (rs, n) -> FeedFixtures.isPublic(rs.getString(2)) ? rs.getString(1) : null, head).stream()
                .filter(java.util.Objects::nonNull).toList();
        JsonNode done = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/v1/admin/feed/replay", JsonNode.class),
                status -> !"RUNNING".equals(status.path("state").asText()));
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("published").asLong()).isEqualTo(stored.size());
        assertThat(done.path("eventsPerSecond").asLong()).isPositive();

        try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafka, topic)) {
            List<ConsumerRecord<String, byte[]>> records = consumer.pollUntil(seen -> seen.size() >= stored.size(),
                    Duration.ofSeconds(30));
            assertThat(records.stream().map(r -> header(r, "ce_id")).toList())
                    .containsExactlyInAnyOrderElementsOf(stored);
            assertThat(firstArrivals(records, prefix.value())).isEqualTo(fixtures.eventIds(prefix.value()));
            records.forEach(r -> FeedSchemas.check(r.topic(), r.key(), header(r, "ce_type"), r.value()));
            Map<String, String> replayed = mine(records, prefix, song, old);
            assertThat(replayed).as("the live feed's messages, upcast ones included")
                    .hasSize(fixtures.eventIds(prefix.value()).size() + fixtures.eventIds(song.value()).size() + 1)
                    .isEqualTo(mine(liveFeed(replayed.keySet()), prefix, song, old));
        }
        assertThat(positions()).as("no processor moved back").allSatisfy((name, position) ->
                assertThat(position).isGreaterThanOrEqualTo(positionsBefore.get(name)));
        assertThat(FeedSchemas.VIOLATIONS).isEmpty();
    }

    @Test
    void aTopicNameKafkaWouldRefuseIsAProblemNamingTheField() {
        for (String topic : List.of("bad topic!", "x".repeat(250), "isrc-registry.recordings")) {
            ResponseEntity<JsonNode> refused = replay("{\"topic\": \"" + topic + "\"}");

            assertThat(refused.getStatusCode()).as(topic).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody().path("type").asText())
                    .isEqualTo("https://isrc-registry.org/problems/invalid-field");
            assertThat(refused.getBody().path("field").asText()).isEqualTo("topic");
            assertThat(refused.getBody().path("action").asText()).isNotBlank();
        }
    }

    @Test
    void anUnknownFieldIsRefused() {
        ResponseEntity<JsonNode> refused = replay("{\"topik\": \"replay-x\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("field").asText()).isEqualTo("topik");
    }

    /** Key, headers and JSON of the messages of these subjects, by ce_id. */
    private static Map<String, String> mine(List<ConsumerRecord<String, byte[]>> records, PrefixCode prefix,
                                            Isrc song, PrefixCode old) {
        Set<String> subjects = Set.of(prefix.value(), song.value(), old.value());
        return records.stream().filter(r -> subjects.contains(r.key())).collect(Collectors.toMap(
                r -> header(r, "ce_id"),
                r -> r.key() + " " + java.util.Arrays.stream(r.headers().toArray())
                        .map(h -> h.key() + "=" + new String(h.value())).sorted().toList() + " " + new String(r.value()),
                (first, repeated) -> first));
    }

    private List<ConsumerRecord<String, byte[]>> liveFeed(Set<String> ids) {
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafka, "isrc-registry.events")) {
            return consumer.pollUntil(seen -> seen.stream().map(r -> header(r, "ce_id")).collect(Collectors.toSet())
                    .containsAll(ids), Duration.ofSeconds(30));
        }
    }

    private Map<String, Long> positions() {
        return java.util.stream.Stream.of(KafkaFeedPublisher.PROCESSING_GROUP, PrefixProjection.PROCESSING_GROUP)
                .collect(Collectors.toMap(name -> name, name -> processing
                        .eventProcessor(name, StreamingEventProcessor.class).orElseThrow().processingStatus()
                        .values().stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1)));
    }
}
