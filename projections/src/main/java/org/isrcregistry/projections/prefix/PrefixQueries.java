package org.isrcregistry.projections.prefix;

import java.sql.ResultSet;
import java.sql.SQLException;
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
        List<PrefixView> found = jdbc.query("SELECT * FROM prefix_view WHERE prefix_code = ?",
                (rs, n) -> view(rs, true), code.value());
        return found.stream().findFirst();
    }

    /**
     * Prefixes whose code or registrant's name contains {@code text}, whatever the case (all when blank), in code
     * order, without their usage.
     */
    public List<PrefixView> search(String text, int limit) {
        String words = text == null ? "" : text.strip();
        return jdbc.query("""
                        SELECT * FROM prefix_view WHERE prefix_code ILIKE ? OR registrant_name ILIKE ?
                        ORDER BY prefix_code LIMIT ?""",
                (rs, n) -> view(rs, false), contains(words.replace("-", "")), contains(words), limit);
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Designations taken (assigned or imported) in this year of reference, under every prefix. */
    public long takenInYear(int yearOfReference) {
        Long taken = jdbc.queryForObject("SELECT coalesce(sum(assigned + imported), 0) FROM prefix_usage"
                + " WHERE year_of_reference = ?", Long.class, yearOfReference);
        return taken == null ? 0 : taken;
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM prefix_view", Long.class);
        return count == null ? 0 : count;
    }

    private PrefixView view(ResultSet rs, boolean withUsage) throws SQLException {
        PrefixCode code = PrefixCode.parse(rs.getString("prefix_code"));
        int first = rs.getInt("range_first");
        int last = rs.getInt("range_last");
        return new PrefixView(code.value(), code.display(), rs.getString("country_code"),
                new PrefixView.Registrant(rs.getString("registrant_name"), rs.getString("registrant_contact")),
                new PrefixView.Range("%05d".formatted(first), "%05d".formatted(last)),
                rs.getString("status"), rs.getString("suspension_reason"),
                withUsage ? usage(code, last - first + 1) : List.of(),
                rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private List<PrefixView.YearUsage> usage(PrefixCode code, int rangeSize) {
        return jdbc.query("""
                        SELECT year_of_reference, assigned, imported FROM prefix_usage
                        WHERE prefix_code = ? ORDER BY year_of_reference""",
                (rs, n) -> new PrefixView.YearUsage(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        rangeSize - rs.getInt(2) - rs.getInt(3)), code.value());
    }
}
