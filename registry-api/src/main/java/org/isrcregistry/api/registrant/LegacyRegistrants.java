package org.isrcregistry.api.registrant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.PrefixAllocated;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.RecordLegacyHolder;
import org.isrcregistry.core.registrant.RegisterRegistrant;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.Registrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The migration of prefixes registered before registrants were records of their own (docs/registrants.md).
 * {@code PrefixRegistered} revisions 1 and 2 named the holder inside the event; the upcaster drops it from what the
 * registry reads, and this reads it from the stored events as they are (nothing stored is rewritten) and records it:
 * a PRODUCER registrant per such prefix (its id derived from the prefix code, registered since the prefix was), its
 * contact among the registrant's contacts, and a {@code PrefixAllocated} naming it. Runs at every start and does only
 * what is left: a prefix whose holder is recorded is skipped, so a crash half-way is finished by the next start.
 */
@Component
public class LegacyRegistrants {

    private static final Logger log = LoggerFactory.getLogger(LegacyRegistrants.class);
    private static final String ACTOR = "registry:legacy-registrant-migration";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RegistryCommands commands;
    private final RegistrantRecords records;
    private final Registrants registrants;

    LegacyRegistrants(JdbcTemplate jdbc, ObjectMapper json, RegistryCommands commands, RegistrantRecords records,
                      Registrants registrants) {
        this.registrants = registrants;
        this.jdbc = jdbc;
        this.json = json;
        this.commands = commands;
        this.records = records;
    }

    private record Legacy(PrefixCode prefix, String payloadRevision, byte[] payload, Instant registeredAt) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int migrated = migrate();
        if (migrated > 0) {
            log.info("Recorded the registrants of {} prefixes registered before registrants were records", migrated);
        }
    }

    /** @return the prefixes whose holder it recorded */
    public int migrate() {
        List<Legacy> pending = jdbc.query("""
                SELECT e.aggregateidentifier, e.payloadrevision, e.payload, e.timestamp FROM domainevententry e
                WHERE e.payloadtype = ? AND e.payloadrevision IN ('1', '2') AND NOT EXISTS (
                    SELECT 1 FROM domainevententry a
                    WHERE a.aggregateidentifier = e.aggregateidentifier AND a.payloadtype = ?)
                ORDER BY e.globalindex""", (rs, n) -> new Legacy(PrefixCode.parse(rs.getString(1)), rs.getString(2),
                rs.getBytes(3), Instant.parse(rs.getString(4))), PrefixRegistered.class.getName(),
                PrefixAllocated.class.getName());
        pending.forEach(this::migrate);
        return pending.size();
    }

    private void migrate(Legacy legacy) {
        JsonNode holder = read(legacy.payload()).path("registrant");
        // Revision 1: the name as text; revision 2: {"name": ..., "contact": ...}.
        String name = holder.isTextual() ? holder.asText() : holder.path("name").asText();
        String contact = holder.path("contact").isTextual() ? holder.path("contact").asText() : null;
        RegistrantId id = RegistrantId.ofLegacyPrefix(legacy.prefix());
        records.inTransaction(() -> {
            // A refused command would mark the whole transaction for rollback: ask first.
            if (registrants.find(id).isEmpty()) {
                commands.send(new RegisterRegistrant(id,
                        new RegistrantDetails(name.isBlank() ? legacy.prefix().display() : name, List.of(),
                                legacy.prefix().countryCode()), RegistrantKind.PRODUCER, null,
                        legacy.registeredAt()), ACTOR, "legacy-registrant-" + legacy.prefix().value());
                records.saveContacts(id, null, Contact.fromText(contact));
            }
            commands.send(new RecordLegacyHolder(legacy.prefix(), id), ACTOR,
                    "legacy-registrant-" + legacy.prefix().value());
            return null;
        });
    }

    private JsonNode read(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored PrefixRegistered is not JSON", e);
        }
    }
}
