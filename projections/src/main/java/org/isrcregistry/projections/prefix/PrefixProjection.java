package org.isrcregistry.projections.prefix;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.DesignationOrigin;
import org.isrcregistry.core.prefix.PrefixAllocated;
import org.isrcregistry.core.prefix.PrefixTransferred;
import org.isrcregistry.core.registrant.RegistrantDeactivated;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantRegistered;
import org.isrcregistry.core.registrant.RegistrantUpdated;
import org.isrcregistry.core.prefix.DesignationTaken;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.PrefixReinstated;
import org.isrcregistry.core.prefix.PrefixSuspended;
import org.isrcregistry.projections.ReadModel;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code prefix_view}, {@code prefix_usage} and {@code registrant_view}: the agency's records. Idempotent per
 * event, so a replay gives the same tables.
 */
@ProcessingGroup(PrefixProjection.PROCESSING_GROUP)
public class PrefixProjection extends ReadModel {

    public static final String PROCESSING_GROUP = "prefix-projection";

    static final Table VIEW = new Table("prefix_view", """
            prefix_code, country_code, range_first, range_last, status, registered_at, updated_at""",
            "?, ?, ?, ?, 'ACTIVE', ?, ?", "ON CONFLICT (prefix_code) DO NOTHING", Table.Load.STATEMENT);
    static final Table REGISTRANTS = new Table("registrant_view", """
            registrant_id, legal_name, trading_names, country_code, kind, volume_tier, yearly_cap, status,
            registered_at, updated_at""", "?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?",
            "ON CONFLICT (registrant_id) DO NOTHING", Table.Load.STATEMENT);
    /** Who held each prefix when: a transfer closes the previous holding. */
    static final Table HOLDINGS = new Table("prefix_holding", """
            event_id, prefix_code, registrant_id, held_from, from_registrant_id, reason, actor""",
            "?, ?, ?, ?, ?, ?, ?", "ON CONFLICT (event_id) DO NOTHING", Table.Load.STATEMENT);
    /** Counters: a batch adds its counts to the stored ones. */
    static final Table USAGE = new Table("prefix_usage", "prefix_code, year_of_reference, assigned, imported",
            "?, ?, ?, ?", """
            ON CONFLICT (prefix_code, year_of_reference) DO UPDATE SET
                assigned = {table}.assigned + EXCLUDED.assigned,
                imported = {table}.imported + EXCLUDED.imported""", Table.Load.STATEMENT);

    public PrefixProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, VIEW, USAGE, REGISTRANTS, HOLDINGS);
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
                    event.prefixCode().countryCode().value(), event.range().first(), event.range().last(), at, at);
        } else if (type == PrefixAllocated.class) {
            PrefixAllocated event = (PrefixAllocated) message.getPayload();
            holder(rows, event.prefixCode(), null, event.registrantId(), null, message);
        } else if (type == PrefixTransferred.class) {
            PrefixTransferred event = (PrefixTransferred) message.getPayload();
            holder(rows, event.prefixCode(), event.from(), event.to(), event.reason(), message);
        } else if (type == RegistrantRegistered.class) {
            RegistrantRegistered event = (RegistrantRegistered) message.getPayload();
            Timestamp at = Timestamp.from(message.getTimestamp());
            RegistrantDetails details = event.details();
            jdbc.update(REGISTRANTS.insertInto(rows.name(REGISTRANTS)), event.registrantId().value(),
                    details.legalName(), details.tradingNames().toArray(String[]::new), details.country().value(),
                    event.kind().name(), event.terms() == null ? null : event.terms().tier().name(),
                    event.terms() == null ? null : event.terms().yearlyCap(),
                    event.since() == null ? at : Timestamp.from(event.since()), at);
        } else if (type == RegistrantUpdated.class) {
            RegistrantUpdated event = (RegistrantUpdated) message.getPayload();
            RegistrantDetails details = event.details();
            jdbc.update("UPDATE " + rows.name(REGISTRANTS) + """
                             SET legal_name = ?, trading_names = ?, country_code = ?, volume_tier = ?, yearly_cap = ?,
                            updated_at = ? WHERE registrant_id = ?""", details.legalName(),
                    details.tradingNames().toArray(String[]::new), details.country().value(),
                    event.terms() == null ? null : event.terms().tier().name(),
                    event.terms() == null ? null : event.terms().yearlyCap(), Timestamp.from(message.getTimestamp()),
                    event.registrantId().value());
        } else if (type == RegistrantDeactivated.class) {
            RegistrantDeactivated event = (RegistrantDeactivated) message.getPayload();
            jdbc.update("UPDATE " + rows.name(REGISTRANTS) + " SET status = 'INACTIVE', updated_at = ? WHERE registrant_id = ?",
                    Timestamp.from(message.getTimestamp()), event.registrantId().value());
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

    private void holder(Rows rows, PrefixCode prefix, RegistrantId from, RegistrantId to, String reason,
                        EventMessage<?> message) {
        Timestamp at = Timestamp.from(message.getTimestamp());
        jdbc.update("UPDATE " + rows.name(VIEW) + " SET registrant_id = ?, updated_at = ? WHERE prefix_code = ?",
                to.value(), at, prefix.value());
        jdbc.update("UPDATE " + rows.name(HOLDINGS) + " SET held_until = ? WHERE prefix_code = ? AND held_until IS NULL"
                + " AND event_id <> ?", at, prefix.value(), message.getIdentifier());
        Object actor = message.getMetaData().get("actor");
        jdbc.update(HOLDINGS.insertInto(rows.name(HOLDINGS)), message.getIdentifier(), prefix.value(), to.value(), at,
                from == null ? null : from.value(), reason, actor == null ? null : actor.toString());
    }
}
