package org.isrcregistry.projections.prefix;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.isrcregistry.core.prefix.DesignationOrigin;
import org.isrcregistry.core.prefix.DesignationTaken;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.PrefixReinstated;
import org.isrcregistry.core.prefix.PrefixSuspended;
import org.isrcregistry.projections.jdbc.JdbcBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes {@code prefix_view} and {@code prefix_usage}. Idempotent per event, so a replay gives the same tables. */
@ProcessingGroup(PrefixProjection.PROCESSING_GROUP)
public class PrefixProjection {

    public static final String PROCESSING_GROUP = "prefix-projection";

    private static final String ADD_USAGE = """
            INSERT INTO prefix_usage (prefix_code, year_of_reference, assigned, imported) VALUES (?, ?, ?, ?)
            ON CONFLICT (prefix_code, year_of_reference) DO UPDATE SET
                assigned = prefix_usage.assigned + EXCLUDED.assigned,
                imported = prefix_usage.imported + EXCLUDED.imported""";

    private final JdbcTemplate jdbc;

    public PrefixProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PrefixRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO prefix_view (prefix_code, country_code, registrant_name, registrant_contact,
                                                 range_first, range_last, status, registered_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)
                        ON CONFLICT (prefix_code) DO NOTHING""",
                event.prefixCode().value(), event.prefixCode().countryCode().value(), event.registrant().name(),
                event.registrant().contact(), event.range().first(), event.range().last(), Timestamp.from(at),
                Timestamp.from(at));
    }

    @EventHandler
    void on(PrefixSuspended event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE prefix_view SET status = 'SUSPENDED', suspension_reason = ?, updated_at = ? WHERE prefix_code = ?",
                event.reason(), Timestamp.from(at), event.prefixCode().value());
    }

    @EventHandler
    void on(PrefixReinstated event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE prefix_view SET status = 'ACTIVE', suspension_reason = NULL, updated_at = ? WHERE prefix_code = ?",
                Timestamp.from(at), event.prefixCode().value());
    }

    /**
     * A batch counts its designations per prefix and year in memory and writes each counter once (a bulk import is
     * many designations on a handful of rows); the counts commit with the processor's token, so each event counts
     * exactly once.
     */
    @EventHandler
    void on(DesignationTaken event) {
        Map<List<Object>, int[]> counts = JdbcBatch.resource(PROCESSING_GROUP + ".usage", HashMap::new);
        List<Object> key = List.of(event.prefixCode().value(), event.isrc().yearOfReference());
        int[] count = counts.computeIfAbsent(key, k -> new int[2]);
        count[event.origin() == DesignationOrigin.IMPORTED ? 1 : 0]++;
        // Put again under the same key: the batch writes the latest totals.
        JdbcBatch.current(jdbc).put(ADD_USAGE, key, key.get(0), key.get(1), count[0], count[1]);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE prefix_view, prefix_usage");
    }
}
