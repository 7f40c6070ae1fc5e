package org.isrcregistry.projections.prefix;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.isrcregistry.core.prefix.DesignationOrigin;
import org.isrcregistry.core.prefix.DesignationTaken;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.PrefixReinstated;
import org.isrcregistry.core.prefix.PrefixSuspended;
import org.isrcregistry.projections.ReadModel;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes {@code prefix_view} and {@code prefix_usage}. Idempotent per event, so a replay gives the same tables. */
@ProcessingGroup(PrefixProjection.PROCESSING_GROUP)
public class PrefixProjection extends ReadModel {

    public static final String PROCESSING_GROUP = "prefix-projection";

    static final Table VIEW = new Table("prefix_view", """
            prefix_code, country_code, registrant_name, registrant_contact, range_first, range_last, status,
            registered_at, updated_at""", "?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?", "ON CONFLICT (prefix_code) DO NOTHING",
            Table.Load.STATEMENT);
    /** Counters: a batch adds its counts to the stored ones. */
    static final Table USAGE = new Table("prefix_usage", "prefix_code, year_of_reference, assigned, imported",
            "?, ?, ?, ?", """
            ON CONFLICT (prefix_code, year_of_reference) DO UPDATE SET
                assigned = {table}.assigned + EXCLUDED.assigned,
                imported = {table}.imported + EXCLUDED.imported""", Table.Load.STATEMENT);

    public PrefixProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, VIEW, USAGE);
    }

    /**
     * A prefix's lifecycle is written at once (a handful of rows). A batch counts its designations per prefix and
     * year in memory and writes each counter once (a bulk import is many designations on a handful of rows); the
     * counts commit with the processor's token, so each event counts exactly once.
     */
    @Override
    public void apply(EventMessage<?> message, long position, Rows rows) {
        Class<?> type = message.getPayloadType();
        if (type == DesignationTaken.class) {
            DesignationTaken event = (DesignationTaken) message.getPayload();
            Map<List<Object>, int[]> counts = rows.resource(PROCESSING_GROUP + ".usage", HashMap::new);
            List<Object> key = List.of(event.prefixCode().value(), event.isrc().yearOfReference());
            int[] count = counts.computeIfAbsent(key, k -> new int[2]);
            count[event.origin() == DesignationOrigin.IMPORTED ? 1 : 0]++;
            // Put again under the same key: the batch writes the latest totals.
            rows.put(USAGE, key, key.get(0), key.get(1), count[0], count[1]);
        } else if (type == PrefixRegistered.class) {
            PrefixRegistered event = (PrefixRegistered) message.getPayload();
            Timestamp at = Timestamp.from(message.getTimestamp());
            jdbc.update(VIEW.insertInto(rows.name(VIEW)), event.prefixCode().value(),
                    event.prefixCode().countryCode().value(), event.registrant().name(), event.registrant().contact(),
                    event.range().first(), event.range().last(), at, at);
        } else if (type == PrefixSuspended.class) {
            PrefixSuspended event = (PrefixSuspended) message.getPayload();
            jdbc.update("UPDATE " + rows.name(VIEW)
                            + " SET status = 'SUSPENDED', suspension_reason = ?, updated_at = ? WHERE prefix_code = ?",
                    event.reason(), Timestamp.from(message.getTimestamp()), event.prefixCode().value());
        } else if (type == PrefixReinstated.class) {
            PrefixReinstated event = (PrefixReinstated) message.getPayload();
            jdbc.update("UPDATE " + rows.name(VIEW)
                            + " SET status = 'ACTIVE', suspension_reason = NULL, updated_at = ? WHERE prefix_code = ?",
                    Timestamp.from(message.getTimestamp()), event.prefixCode().value());
        }
    }
}
