package org.isrcregistry.api.registrant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.isrcregistry.core.registrant.RegistrantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registrants' contacts and postal addresses, in {@code registrant_contact}: personal data, so never in an event, a
 * log line or a public answer. Erasing them is a DELETE; what remains is who erased whose and on which request.
 */
@Component
public class RegistrantContacts {

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RegistrantContacts(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** In the caller's transaction, with the command that records the change. */
    void save(RegistrantId id, String postalAddress, List<Contact> contacts) {
        jdbc.update("""
                INSERT INTO registrant_contact (registrant_id, postal_address, contacts, updated_at)
                VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (registrant_id) DO UPDATE SET
                    postal_address = EXCLUDED.postal_address, contacts = EXCLUDED.contacts,
                    updated_at = EXCLUDED.updated_at""", id.value(), postalAddress, write(contacts),
                Timestamp.from(Instant.now()));
    }

    public Optional<ContactDetails> find(RegistrantId id) {
        Instant erasedAt = jdbc.query("SELECT max(erased_at) FROM registrant_contact_erasure WHERE registrant_id = ?",
                (rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(), id.value()).get(0);
        Optional<ContactDetails> current = jdbc.query(
                "SELECT postal_address, contacts::text, updated_at FROM registrant_contact WHERE registrant_id = ?",
                (rs, n) -> new ContactDetails(rs.getString(1), read(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), erasedAt), id.value()).stream().findFirst();
        return current.isPresent() || erasedAt == null ? current
                : Optional.of(new ContactDetails(null, List.of(), null, erasedAt));
    }

    /** Whether the registrant has contacts or address on file. */
    boolean differ(RegistrantId id, String postalAddress, List<Contact> contacts) {
        return find(id).map(c -> !(java.util.Objects.equals(c.postalAddress(), postalAddress)
                && c.contacts().equals(contacts))).orElse(true);
    }

    /** Erases them for good; the record of the erasure names no personal data. */
    void erase(RegistrantId id, String erasedBy, String requestReference) {
        jdbc.update("DELETE FROM registrant_contact WHERE registrant_id = ?", id.value());
        jdbc.update("INSERT INTO registrant_contact_erasure (registrant_id, erased_at, erased_by, request_reference)"
                + " VALUES (?, ?, ?, ?)", id.value(), Timestamp.from(Instant.now()), erasedBy, requestReference);
    }

    private String write(List<Contact> contacts) {
        try {
            return json.writeValueAsString(contacts == null ? List.of() : contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contacts cannot be written as JSON", e);
        }
    }

    private List<Contact> read(String contacts) {
        try {
            return json.readValue(contacts, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contacts are not readable", e);
        }
    }
}
