package org.isrcregistry.projections.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.isrcregistry.projections.EventStoreHead;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code registry.feed.backlog}: events committed to the store but not yet acknowledged by the broker (the head of
 * the store minus the feed's stored token). It grows while the broker is down and falls to zero when it is back.
 */
public class KafkaFeedMetrics implements MeterBinder {

    private final EventStorageEngine store;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    KafkaFeedMetrics(EventStorageEngine store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("registry.feed.backlog", this::backlog)
                .description("Events committed but not yet published on the events topic")
                .baseUnit("events")
                .register(registry);
    }

    public long backlog() {
        return Math.max(0, EventStoreHead.of(store) - position());
    }

    /** The lowest position over the feed's segments; -1 before its first batch. */
    private long position() {
        List<byte[]> tokens = jdbc.queryForList("SELECT token FROM tokenentry WHERE processorname = ?", byte[].class,
                KafkaFeedPublisher.PROCESSING_GROUP);
        return tokens.stream().mapToLong(this::index).min().orElse(-1);
    }

    /** A gap-aware token's index; a replay token's current one. */
    private long index(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = json.readTree(token);
            JsonNode index = node.has("index") ? node.get("index") : node.path("currentToken").path("index");
            return index.asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
