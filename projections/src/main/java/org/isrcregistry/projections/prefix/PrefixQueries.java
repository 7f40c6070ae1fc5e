package org.isrcregistry.projections.prefix;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.projections.jdbc.Like;
import org.isrcregistry.projections.jdbc.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the prefix read model. */
public class PrefixQueries {

    private static final String SELECT = """
            SELECT p.*, r.legal_name, r.kind FROM prefix_view p
            LEFT JOIN registrant_view r ON r.registrant_id = p.registrant_id""";

    private final JdbcTemplate jdbc;

    public PrefixQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a search of the prefixes may name; each null criterion matches everything.
     *
     * @param name       part of the holder's legal or trading name, case-insensitive
     * @param code       the start of the prefix code, e.g. {@code CA} or {@code CAK7}
     * @param registrant the holder's id
     */
    public record Criteria(String name, String code, String country, String kind, String status, UUID registrant) {
    }

    public Optional<PrefixView> find(PrefixCode code) {
        List<PrefixView> found = jdbc.query(SELECT + " WHERE p.prefix_code = ?", (rs, n) -> view(rs), code.value());
        return withUsage(found).stream().findFirst();
    }

    public Page<PrefixView> search(Criteria criteria, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (criteria.name() != null) {
            where.append(" AND (r.legal_name ILIKE ? OR array_to_string(r.trading_names, ' ') ILIKE ?)");
            args.add(Like.containing(criteria.name()));
            args.add(Like.containing(criteria.name()));
        }
        if (criteria.code() != null) {
            where.append(" AND p.prefix_code LIKE ?");
            args.add(criteria.code().replace("-", "").toUpperCase(java.util.Locale.ROOT) + "%");
        }
        if (criteria.country() != null) {
            where.append(" AND p.country_code = ?");
            args.add(criteria.country().toUpperCase(java.util.Locale.ROOT));
        }
        if (criteria.kind() != null) {
            where.append(" AND r.kind = ?");
            args.add(criteria.kind());
        }
        if (criteria.status() != null) {
            where.append(" AND p.status = ?");
            args.add(criteria.status());
        }
        if (criteria.registrant() != null) {
            where.append(" AND p.registrant_id = ?");
            args.add(criteria.registrant());
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM prefix_view p LEFT JOIN registrant_view r"
                + " ON r.registrant_id = p.registrant_id" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<PrefixView> items = jdbc.query(SELECT + where + " ORDER BY p.prefix_code LIMIT ? OFFSET ?",
                (rs, n) -> view(rs), paged.toArray());
        return new Page<>(withUsage(items), page, size, total);
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

    private static PrefixView view(ResultSet rs) throws SQLException {
        PrefixCode code = PrefixCode.parse(rs.getString("prefix_code"));
        String holder = rs.getString("registrant_id");
        return new PrefixView(code.value(), code.display(), rs.getString("country_code"),
                holder == null ? null : new PrefixView.Holder(holder, rs.getString("legal_name"), rs.getString("kind")),
                new PrefixView.Range("%05d".formatted(rs.getInt("range_first")), "%05d".formatted(rs.getInt("range_last"))),
                rs.getString("status"), rs.getString("suspension_reason"), List.of(),
                rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** The usage per year of every listed prefix, in one query. */
    private List<PrefixView> withUsage(List<PrefixView> prefixes) {
        if (prefixes.isEmpty()) {
            return prefixes;
        }
        Map<String, List<PrefixView.YearUsage>> usage = new HashMap<>();
        Map<String, Integer> rangeSize = new HashMap<>();
        for (PrefixView prefix : prefixes) {
            rangeSize.put(prefix.prefix(),
                    Integer.parseInt(prefix.range().last()) - Integer.parseInt(prefix.range().first()) + 1);
        }
        jdbc.query("""
                        SELECT prefix_code, year_of_reference, assigned, imported FROM prefix_usage
                        WHERE prefix_code = ANY (?) ORDER BY prefix_code, year_of_reference""", rs -> {
                    String prefix = rs.getString(1);
                    usage.computeIfAbsent(prefix, p -> new ArrayList<>()).add(new PrefixView.YearUsage(rs.getInt(2),
                            rs.getInt(3), rs.getInt(4), rangeSize.get(prefix) - rs.getInt(3) - rs.getInt(4)));
                },
                (Object) prefixes.stream().map(PrefixView::prefix).toArray(String[]::new));
        return prefixes.stream().map(p -> new PrefixView(p.prefix(), p.display(), p.countryCode(), p.registrant(),
                p.range(), p.status(), p.suspensionReason(), usage.getOrDefault(p.prefix(), List.of()),
                p.registeredAt(), p.updatedAt())).toList();
    }
}
