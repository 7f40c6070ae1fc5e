package org.isrcregistry.projections.audit;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.isrcregistry.core.event.RegistryEvent;
import org.isrcregistry.projections.ReadModel;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code audit_log}: one row per event of the store, keyed by its global index, with who acted and the
 * request it came from. The agency's view across all streams (by actor, by correlation id).
 */
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection extends ReadModel {

    public static final String PROCESSING_GROUP = "audit-log";

    static final Table AUDIT_LOG = new Table("audit_log", """
            global_index, event_id, occurred_at, event_type, subject, sequence_number, actor, correlation_id,
            causation_id, reason""", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?", "ON CONFLICT (global_index) DO NOTHING",
            Table.Load.APPEND);

    public AuditLogProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, AUDIT_LOG);
    }

    /**
     * The subject is the stream's aggregate identifier (the ISRC or the prefix code, {@code RegistryEvent.subject()}),
     * so the payload is deserialized only for the few event types that carry a reason.
     */
    @Override
    public void apply(EventMessage<?> message, long position, Rows rows) {
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        String subject = domain != null ? domain.getAggregateIdentifier()
                : message.getPayload() instanceof RegistryEvent registry ? registry.subject() : "";
        String reason = EventReasons.carriesReason(message.getPayloadType()) ? EventReasons.of(message.getPayload())
                : null;
        rows.add(AUDIT_LOG, position, message.getIdentifier(), Timestamp.from(message.getTimestamp()),
                message.getPayloadType().getSimpleName(), subject, domain == null ? null : domain.getSequenceNumber(),
                text(message, "actor"), text(message, "correlationId"), text(message, "causationId"), reason);
    }

    private static String text(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
