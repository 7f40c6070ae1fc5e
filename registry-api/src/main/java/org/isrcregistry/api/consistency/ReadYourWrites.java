package org.isrcregistry.api.consistency;

import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.isrcregistry.projections.EventStoreHead;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the commands on the agency's records (prefixes, registrants, conflicts), whose read models sum
 * many streams: after such a command commits, the request waits (briefly) until the processors serving the record
 * have handled every event committed so far, so a {@code GET} right after it shows the change. The command's own
 * events are committed before the head of the store is read, so the head covers them. A recording needs no wait: its
 * reads fold its events when the read model is behind (docs/write-side.md, "Read-your-writes").
 *
 * <p>The processors' positions are read from the token store, where each batch stores its token in the transaction
 * that writes its rows: what a read on any node sees, whichever node's processor holds the segments.
 */
@Component
public class ReadYourWrites {

    private static final Duration POLL = Duration.ofMillis(2);

    private final EventStorageEngine store;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String positions;
    private final Duration timeout;

    /** @param serializer and {@code tokens}: those of Axon's token store (its general serializer and table) */
    ReadYourWrites(EventStorageEngine store, JdbcTemplate jdbc, Serializer serializer, TokenSchema tokens,
                   @Value("${registry.api.read-your-writes-timeout:5s}") Duration timeout) {
        this.store = store;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.timeout = timeout;
        this.positions = "SELECT " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn() + " FROM "
                + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?";
    }

    /** Waits until each named processor has passed the head of the event store; false if the wait timed out. */
    public boolean awaitProjections(String... processorNames) {
        long head = EventStoreHead.of(store);
        if (head < 0) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : processorNames) {
            while (!passed(name, head)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Every segment of the processor has stored a position at or past {@code head}. */
    private boolean passed(String processor, long head) {
        List<Long> segments = jdbc.query(positions, (row, i) -> {
            byte[] token = row.getBytes(1);
            if (token == null) {
                return -1L;
            }
            TrackingToken position = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                    new SimpleSerializedType(row.getString(2), null)));
            return position.position().orElse(-1);
        }, processor);
        return !segments.isEmpty() && segments.stream().allMatch(position -> position >= head);
    }
}
