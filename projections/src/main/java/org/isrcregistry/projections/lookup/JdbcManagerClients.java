package org.isrcregistry.projections.lookup;

import java.util.Optional;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.ManagerClients;
import org.isrcregistry.core.registrant.RegistrantId;
import org.springframework.jdbc.core.JdbcTemplate;

/** ISRC Managers' clients and yearly counts, from the lookups {@link RegistryLookups} writes with the events. */
public class JdbcManagerClients implements ManagerClients {

    private final JdbcTemplate jdbc;

    public JdbcManagerClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Client> client(RegistrantId manager, ClientId client) {
        return jdbc.query("SELECT name FROM lookup_manager_client WHERE client_id = ? AND registrant_id = ?",
                (rs, n) -> new Client(client, rs.getString(1)), client.value(), manager.value()).stream().findFirst();
    }

    @Override
    public int assignedIn(RegistrantId manager, int yearOfReference) {
        return jdbc.query("SELECT assigned FROM lookup_manager_year WHERE registrant_id = ? AND year_of_reference = ?",
                (rs, n) -> rs.getInt(1), manager.value(), yearOfReference).stream().findFirst().orElse(0);
    }
}
