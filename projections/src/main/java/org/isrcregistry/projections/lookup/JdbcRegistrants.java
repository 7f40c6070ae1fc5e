package org.isrcregistry.projections.lookup;

import java.util.Optional;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.Registrants;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registrants on file, from {@code lookup_registrant}: current as of the last committed command. */
public class JdbcRegistrants implements Registrants {

    private final JdbcTemplate jdbc;

    public JdbcRegistrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Registrant> find(RegistrantId id) {
        return jdbc.query("SELECT kind, active, yearly_cap FROM lookup_registrant WHERE registrant_id = ?",
                (rs, n) -> new Registrant(id, RegistrantKind.valueOf(rs.getString(1)), rs.getBoolean(2),
                        (Integer) rs.getObject(3)), id.value()).stream().findFirst();
    }
}
