package org.isrcregistry.projections.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.isrcregistry.projections.jdbc.JdbcBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state last published per key on the state topics ({@code kafka_feed_state}), so the next event of a recording
 * or prefix is folded onto it. Written in the feed's batch transaction: it moves with the feed's token.
 */
final class FeedStates {

    enum Kind { RECORDING, PREFIX }

    private static final String UPSERT = """
            INSERT INTO kafka_feed_state (topic_kind, subject, state) VALUES (?, ?, ?::jsonb)
            ON CONFLICT (topic_kind, subject) DO UPDATE SET state = excluded.state""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FeedStates(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        // The state records also write derived fields (display, ...), which are not read back.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    <T> T load(Kind kind, String subject, Class<T> type) {
        List<String> found = jdbc.queryForList(
                "SELECT state::text FROM kafka_feed_state WHERE topic_kind = ? AND subject = ?", String.class,
                kind.name(), subject);
        try {
            return found.isEmpty() ? null : json.readValue(found.get(0), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable feed state of " + subject, e);
        }
    }

    /** Written when the batch commits, with its token: never ahead of what the broker acknowledged. */
    void save(Kind kind, String subject, byte[] stateJson) {
        JdbcBatch.current(jdbc).put(UPSERT, kind.name() + subject, kind.name(), subject,
                new String(stateJson, StandardCharsets.UTF_8));
    }

    void clear() {
        jdbc.update("TRUNCATE kafka_feed_state");
    }
}
