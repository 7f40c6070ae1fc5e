package org.isrcregistry.projections.registrant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.projections.jdbc.Like;
import org.isrcregistry.projections.jdbc.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the registrants' read model, with the prefixes each holds and held. */
public class RegistrantQueries {

    private final JdbcTemplate jdbc;

    public RegistrantQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a search of the registrants may name; each null criterion matches everything.
     *
     * @param name part of the legal or a trading name, case-insensitive
     * @param code the start of a prefix code it holds, e.g. {@code CAK7}
     */
    public record Criteria(String name, String code, String country, String kind, String status) {
    }

    public Optional<RegistrantView> find(RegistrantId id) {
        return jdbc.query("SELECT * FROM registrant_view WHERE registrant_id = ?", (rs, n) -> view(rs), id.value())
                .stream().findFirst().map(view -> view.withPrefixes(holdings(id.value())));
    }

    /** Registrants in order of legal name, each with the prefixes it holds now. */
    public Page<RegistrantView> search(Criteria criteria, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (criteria.name() != null) {
            where.append(" AND (r.legal_name ILIKE ? OR array_to_string(r.trading_names, ' ') ILIKE ?)");
            String like = Like.containing(criteria.name());
            args.add(like);
            args.add(like);
        }
        if (criteria.code() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM prefix_view p WHERE p.registrant_id = r.registrant_id"
                    + " AND p.prefix_code LIKE ?)");
            args.add(criteria.code().replace("-", "").toUpperCase(Locale.ROOT) + "%");
        }
        if (criteria.country() != null) {
            where.append(" AND r.country_code = ?");
            args.add(criteria.country().toUpperCase(Locale.ROOT));
        }
        if (criteria.kind() != null) {
            where.append(" AND r.kind = ?");
            args.add(criteria.kind());
        }
        if (criteria.status() != null) {
            where.append(" AND r.status = ?");
            args.add(criteria.status());
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM registrant_view r" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<RegistrantView> items = jdbc.query("SELECT r.*, ARRAY(SELECT p.prefix_code FROM prefix_view p"
                        + " WHERE p.registrant_id = r.registrant_id ORDER BY p.prefix_code) AS held FROM registrant_view r"
                        + where + " ORDER BY lower(r.legal_name), r.registrant_id LIMIT ? OFFSET ?",
                (rs, n) -> view(rs).withPrefixes(Arrays.stream((String[]) rs.getArray("held").getArray())
                        .map(code -> new RegistrantView.Holding(code.strip(), PrefixCode.parse(code).display(), null,
                                null, null, null, null)).toList()),
                paged.toArray());
        return new Page<>(items, page, size, total);
    }

    private List<RegistrantView.Holding> holdings(UUID id) {
        return jdbc.query("""
                SELECT h.prefix_code, p.status, h.held_from, h.held_until, h.from_registrant_id, h.reason
                FROM prefix_holding h JOIN prefix_view p ON p.prefix_code = h.prefix_code
                WHERE h.registrant_id = ? ORDER BY h.prefix_code, h.held_from""", (rs, n) -> {
            PrefixCode code = PrefixCode.parse(rs.getString(1));
            return new RegistrantView.Holding(code.value(), code.display(),
                    rs.getTimestamp(4) == null ? rs.getString(2) : null, instant(rs.getTimestamp(3)),
                    instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6));
        }, id);
    }

    private static RegistrantView view(ResultSet rs) throws SQLException {
        return new RegistrantView(rs.getString("registrant_id"), rs.getString("legal_name"),
                names(rs.getArray("trading_names")), rs.getString("country_code"), rs.getString("kind"),
                rs.getString("volume_tier"), (Integer) rs.getObject("yearly_cap"), rs.getString("status"),
                instant(rs.getTimestamp("registered_at")), instant(rs.getTimestamp("updated_at")), List.of());
    }

    private static List<String> names(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
