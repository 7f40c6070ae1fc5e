package org.isrcregistry.api.registrant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.PrefixAllocated;
import org.isrcregistry.core.prefix.PrefixTransferred;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.projections.audit.EventReasons;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A registrant's file as a history: its own events, read from the event store (exact, current the moment a command
 * commits), and the allocations and transfers of prefixes to and from it (from the prefix holdings read model).
 */
@Component
public class RegistrantHistory {

    /** One thing that happened, with who did it and the reason it records. */
    public record RegistrantChange(Instant at, String type, String actor, String reason, Object event) {
    }

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    RegistrantHistory(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    public List<RegistrantChange> of(RegistrantId id) {
        List<RegistrantChange> entries = new ArrayList<>();
        eventStore.readEvents(id.toString(), 0L).asStream().forEach(message -> entries.add(entry(message)));
        entries.addAll(jdbc.query("""
                SELECT prefix_code, registrant_id, from_registrant_id, held_from, reason, actor FROM prefix_holding
                WHERE registrant_id = ? OR from_registrant_id = ?""", (rs, n) -> {
            PrefixCode prefix = PrefixCode.parse(rs.getString(1));
            RegistrantId to = RegistrantId.parse(rs.getString(2));
            String from = rs.getString(3);
            Object event = from == null ? new PrefixAllocated(prefix, to)
                    : new PrefixTransferred(prefix, RegistrantId.parse(from), to, rs.getString(5));
            return new RegistrantChange(rs.getTimestamp(4).toInstant(), event.getClass().getSimpleName(), rs.getString(6),
                    rs.getString(5), event);
        }, id.value(), id.value()));
        entries.sort(Comparator.comparing(RegistrantChange::at));
        return entries;
    }

    private static RegistrantChange entry(DomainEventMessage<?> message) {
        Object actor = message.getMetaData().get("actor");
        return new RegistrantChange(message.getTimestamp(), message.getPayloadType().getSimpleName(),
                actor == null ? null : actor.toString(), EventReasons.of(message.getPayload()), message.getPayload());
    }
}
