package org.isrcregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded event store's shared reader keeps every event it read in one stream until that stream ends: a stream
 * that may block ends after one fetch, so catching up on millions of events never holds more than that.
 */
@RegistryIntegrationTest
class EventStorageEngineTest {

    private static final int FETCH = AxonConfiguration.EVENT_FETCH_SIZE;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStreamThatMayBlockEndsAfterOneFetchAndTheNextGoesOnFromItsLastEvent() {
        storeMoreThan(FETCH);

        List<? extends TrackedEventMessage<?>> first = storage.readEvents(null, true).toList();
        assertThat(first).hasSize(FETCH);
        List<? extends TrackedEventMessage<?>> next = storage.readEvents(first.get(FETCH - 1).trackingToken(), true)
                .toList();
        assertThat(next).isNotEmpty().hasSizeLessThanOrEqualTo(FETCH);
        assertThat(next.get(0).trackingToken().covers(first.get(FETCH - 1).trackingToken())).isTrue();
        assertThat(first.stream().map(TrackedEventMessage::getIdentifier))
                .doesNotContain(next.get(0).getIdentifier());
        // A processor's own stream reads on to the end.
        assertThat(storage.readEvents(null, false).limit(FETCH + 1L).count()).isEqualTo(FETCH + 1L);
    }

    /** Imports existing codes (two events a row) until the store holds more than {@code events}. */
    private void storeMoreThan(int events) {
        long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        if (stored > events) {
            return;
        }
        String prefix = new TestRegistry(http, jdbc).newPrefix();
        String code = prefix.replace("-", "");
        StringBuilder csv = new StringBuilder("isrc,title,mainArtist,duration,kind,owner\n");
        for (int i = 0; i < events / 2 + 1; i++) {
            csv.append(code).append("10").append("%05d".formatted(i)).append(",Title ").append(i)
                    .append(",Artist ").append(i).append(",PT3M").append(i % 60).append("S,AUDIO,Owner\n");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> accepted = http.postForEntity("/v1/prefixes/" + prefix + "/recordings/imports",
                new HttpEntity<>(csv.toString(), headers), JsonNode.class);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.getForObject(accepted.getHeaders().getLocation() + "?limit=0", JsonNode.class),
                        view -> "COMPLETED".equals(view.path("status").asText()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isGreaterThan(events);
    }
}
