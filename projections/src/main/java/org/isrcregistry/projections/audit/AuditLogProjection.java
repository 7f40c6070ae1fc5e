package org.isrcregistry.projections.audit;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.isrcregistry.core.event.RegistryEvent;
import org.isrcregistry.projections.jdbc.JdbcBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code audit_log}: one row per event of the store, keyed by its global index, with who acted and the
 * request it came from. The agency's view across all streams (by actor, by correlation id).
 */
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
public class AuditLogProjection {

    public static final String PROCESSING_GROUP = "audit-log";

    private static final String INSERT = """
            INSERT INTO audit_log (global_index, event_id, occurred_at, event_type, subject, sequence_number, actor,
                                   correlation_id, causation_id, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (global_index) DO NOTHING""";

    private final JdbcTemplate jdbc;

    public AuditLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The subject is the stream's aggregate identifier (the ISRC or the prefix code, {@code RegistryEvent.subject()}),
     * so the payload is deserialized only for the few event types that carry a reason.
     */
    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        String subject = domain != null ? domain.getAggregateIdentifier()
                : message.getPayload() instanceof RegistryEvent registry ? registry.subject() : "";
        String reason = EventReasons.carriesReason(message.getPayloadType()) ? EventReasons.of(message.getPayload())
                : null;
        JdbcBatch.current(jdbc).add(INSERT, token.position().orElseThrow(), message.getIdentifier(),
                Timestamp.from(message.getTimestamp()), message.getPayloadType().getSimpleName(), subject,
                domain == null ? null : domain.getSequenceNumber(), text(message, "actor"),
                text(message, "correlationId"), text(message, "causationId"), reason);
    }

    private static String text(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE audit_log");
    }
}
