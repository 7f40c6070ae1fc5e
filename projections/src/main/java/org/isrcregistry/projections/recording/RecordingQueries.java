package org.isrcregistry.projections.recording;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.recording.MatchingText;
import org.isrcregistry.projections.jdbc.CsvLines;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the recordings' read model. */
public class RecordingQueries {

    public static final int MAX_PAGE_SIZE = 500;

    static final List<String> CSV_COLUMNS = List.of("isrc", "display", "title", "version_title", "main_artist",
            "duration", "kind", "first_published", "owner", "distributor", "status", "parent_isrc", "created_at",
            "updated_at");

    /** Rows the CSV export holds in memory at a time: PostgreSQL streams with a cursor inside a transaction. */
    private static final int CSV_FETCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public RecordingQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(CSV_FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The recording's current state as the read model holds it (see {@link RecordingProjection}). */
    public Optional<RecordingState> find(Isrc isrc) {
        return states("SELECT state::text FROM recording_view WHERE isrc = ?", isrc.value()).stream().findFirst();
    }

    /**
     * The same state as {@link #find}, already as the API's JSON (fields without a value left out, as the HTTP
     * mapper's {@code non_null} does): a look-up answers with the stored document and never parses it.
     */
    public Optional<String> findJson(Isrc isrc) {
        return jdbc.queryForList("SELECT jsonb_strip_nulls(state)::text FROM recording_view WHERE isrc = ?",
                String.class, isrc.value()).stream().findFirst();
    }

    public Lineage lineage(RecordingState recording) {
        RecordingState parent = recording.parent() == null ? null : find(recording.parent()).orElse(null);
        List<RecordingState> children = states("""
                SELECT v.state::text FROM recording_lineage l JOIN recording_view v ON v.isrc = l.child_isrc
                WHERE l.parent_isrc = ? ORDER BY l.child_isrc""", recording.isrc().value());
        return new Lineage(parent, children);
    }

    /**
     * A page of the recordings matching {@code search}, in ISRC order, after the position {@code cursor} (null: from
     * the start). Keyset pagination: a page never skips or repeats a recording however the table changes.
     *
     * @throws IllegalArgumentException if the cursor was not given by this registry
     */
    public RecordingPage search(RecordingSearch search, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT state::text FROM recording_view WHERE true");
        List<Object> args = new ArrayList<>();
        if (cursor != null) {
            sql.append(" AND isrc > ?");
            args.add(decode(cursor));
        }
        if (search.title() != null) {
            sql.append(" AND title_match LIKE ? ESCAPE '\\'");
            args.add(contains(search.title()));
        }
        if (search.artist() != null) {
            sql.append(" AND artist_match LIKE ? ESCAPE '\\'");
            args.add(contains(search.artist()));
        }
        if (search.prefix() != null) {
            sql.append(" AND prefix_code = ?");
            args.add(search.prefix().value());
        }
        if (search.yearOfReference() != null) {
            sql.append(" AND year_of_reference = ?");
            args.add(search.yearOfReference());
        }
        if (search.kind() != null) {
            sql.append(" AND kind = ?");
            args.add(search.kind().name());
        }
        if (search.status() != null) {
            sql.append(" AND status = ?");
            args.add(search.status().name());
        }
        int size = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
        sql.append(" ORDER BY isrc LIMIT ?");
        args.add(size + 1);
        List<RecordingState> found = states(sql.toString(), args.toArray());
        if (found.size() <= size) {
            return new RecordingPage(found, null);
        }
        List<RecordingState> page = found.subList(0, size);
        return new RecordingPage(List.copyOf(page), encode(page.get(size - 1).isrc()));
    }

    /**
     * Writes every recording of the prefix as CSV (RFC 4180, header first) in ISRC order, holding one fetch of rows
     * in memory whatever the number of recordings.
     */
    public void writeCsv(PrefixCode prefix, Writer out) {
        readOnly.executeWithoutResult(tx -> {
            CsvLines.write(out, CSV_COLUMNS);
            streaming.query("""
                            SELECT isrc, title, version_title, main_artist, duration_ms, kind, first_published, owner,
                                   distributor, status, parent_isrc, created_at, updated_at
                            FROM recording_view WHERE prefix_code = ? ORDER BY isrc""",
                    (RowCallbackHandler) rs -> CsvLines.write(out, csvRow(rs)), prefix.value());
        });
    }

    private static List<String> csvRow(ResultSet rs) throws SQLException {
        Isrc isrc = Isrc.parse(rs.getString("isrc"));
        List<String> row = new ArrayList<>(CSV_COLUMNS.size());
        row.add(isrc.value());
        row.add(isrc.display());
        row.add(rs.getString("title"));
        row.add(rs.getString("version_title"));
        row.add(rs.getString("main_artist"));
        row.add(RecordingDuration.ofMillis(rs.getLong("duration_ms")).iso());
        row.add(rs.getString("kind"));
        row.add(rs.getString("first_published"));
        row.add(rs.getString("owner"));
        row.add(rs.getString("distributor"));
        row.add(rs.getString("status"));
        row.add(rs.getString("parent_isrc"));
        row.add(rs.getTimestamp("created_at").toInstant().toString());
        row.add(rs.getTimestamp("updated_at").toInstant().toString());
        return row;
    }

    private List<RecordingState> states(String sql, Object... args) {
        return jdbc.queryForList(sql, String.class, args).stream().map(RecordingJson::read).toList();
    }

    private static String contains(String text) {
        String normalised = MatchingText.normalise(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + normalised + "%";
    }

    private static String encode(Isrc last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.value().getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return Isrc.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not a cursor of this registry; "
                    + "use the 'next' value of the previous page", e);
        }
    }
}
