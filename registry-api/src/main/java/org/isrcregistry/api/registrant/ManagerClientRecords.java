package org.isrcregistry.api.registrant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.registrant.AuthoriseClient;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.projections.jdbc.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An ISRC Manager's clients: their authorisations (recorded once per client, as an event of the manager's file) and
 * the codes assigned for each, which the manager gives the client (IFPI's ISRC Manager terms). Read from the lookups
 * written with the events, so a client's list holds a code the moment its assignment commits.
 */
@Component
public class ManagerClientRecords {

    /** A client's authorisation, and how many codes the manager assigned for it. */
    public record Client(ClientId id, RegistrantId manager, String client, LocalDate authorisedOn,
                         String evidenceReference, Instant recordedAt, long codes) {
    }

    /** A code assigned for a client; title, artist and owner once the recordings read model has it. */
    @JsonPropertyOrder({"isrc", "display", "assignedAt", "title", "versionTitle", "mainArtist", "owner", "status"})
    public record ClientCode(String isrc, String display, Instant assignedAt, String title, String versionTitle,
                             String mainArtist, String owner, String status) {
    }

    private final RegistryCommands commands;
    private final JdbcTemplate jdbc;

    ManagerClientRecords(RegistryCommands commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    ClientId authorise(RegistrantId manager, String client, LocalDate authorisedOn, String evidenceReference) {
        return commands.send(new AuthoriseClient(manager, ClientId.random(), client, authorisedOn, evidenceReference));
    }

    private static final String CLIENTS = """
            SELECT c.client_id, c.registrant_id, c.name, c.authorised_on, c.evidence_reference, c.recorded_at,
                (SELECT count(*) FROM manager_client_code k WHERE k.client_id = c.client_id)
            FROM lookup_manager_client c""";

    List<Client> of(RegistrantId manager) {
        return jdbc.query(CLIENTS + " WHERE c.registrant_id = ? ORDER BY lower(c.name), c.client_id",
                (rs, n) -> client(rs), manager.value());
    }

    Optional<Client> find(RegistrantId manager, ClientId client) {
        return jdbc.query(CLIENTS + " WHERE c.registrant_id = ? AND c.client_id = ?", (rs, n) -> client(rs),
                manager.value(), client.value()).stream().findFirst();
    }

    private static Client client(ResultSet rs) throws SQLException {
        return new Client(ClientId.parse(rs.getString(1)), RegistrantId.parse(rs.getString(2)), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getLong(7));
    }

    /** The codes assigned for the client, in the order they were assigned; {@code size} 0: all of them. */
    Page<ClientCode> codes(ClientId client, int page, int size) {
        Long total = jdbc.queryForObject("SELECT count(*) FROM manager_client_code WHERE client_id = ?", Long.class,
                client.value());
        List<ClientCode> items = jdbc.query("""
                        SELECT k.isrc, k.assigned_at, r.title, r.version_title, r.main_artist, r.owner, r.status
                        FROM manager_client_code k LEFT JOIN recording_view r ON r.isrc = k.isrc
                        WHERE k.client_id = ? ORDER BY k.assigned_at, k.isrc""" + (size > 0 ? " LIMIT ? OFFSET ?" : ""),
                (rs, n) -> {
                    String isrc = rs.getString(1);
                    Timestamp at = rs.getTimestamp(2);
                    return new ClientCode(isrc, Isrc.parse(isrc).display(),
                            at.toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7));
                }, size > 0 ? new Object[] {client.value(), size, (long) page * size} : new Object[] {client.value()});
        return new Page<>(items, page, size, total == null ? 0 : total);
    }
}
