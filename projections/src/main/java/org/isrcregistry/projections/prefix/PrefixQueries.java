package org.isrcregistry.projections.prefix;

import java.util.List;
import java.util.Optional;
import org.isrcregistry.core.identifier.PrefixCode;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the prefix read model. */
public class PrefixQueries {

    private final JdbcTemplate jdbc;

    public PrefixQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PrefixView> find(PrefixCode code) {
        List<PrefixView> found = jdbc.query("SELECT * FROM prefix_view WHERE prefix_code = ?", (rs, n) -> {
            int first = rs.getInt("range_first");
            int last = rs.getInt("range_last");
            return new PrefixView(code.value(), code.display(), rs.getString("country_code"),
                    new PrefixView.Registrant(rs.getString("registrant_name"), rs.getString("registrant_contact")),
                    new PrefixView.Range("%05d".formatted(first), "%05d".formatted(last)),
                    rs.getString("status"), rs.getString("suspension_reason"), usage(code, last - first + 1),
                    rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        }, code.value());
        return found.stream().findFirst();
    }

    private List<PrefixView.YearUsage> usage(PrefixCode code, int rangeSize) {
        return jdbc.query("""
                        SELECT year_of_reference, assigned, imported FROM prefix_usage
                        WHERE prefix_code = ? ORDER BY year_of_reference""",
                (rs, n) -> new PrefixView.YearUsage(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        rangeSize - rs.getInt(2) - rs.getInt(3)), code.value());
    }
}
