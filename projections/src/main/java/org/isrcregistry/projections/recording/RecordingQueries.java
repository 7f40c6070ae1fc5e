package org.isrcregistry.projections.recording;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
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

    /**
     * Rows a text search reads in ISRC order, per row of the page, before it turns to its index: a text found in
     * one row of 50 fills a page from them.
     */
    private static final int WINDOW_PER_ROW = 50;

    /**
     * The row has applied its recording's last stored event: the recording's stream in Axon's event table (a
     * recording's aggregate identifier is its ISRC), one probe of its unique (identifier, sequence) index. The ISRC
     * is given again as a parameter: compared with the row's {@code char(12)} column, the identifier (varchar) would
     * be cast and its index not used.
     */
    private static final String CURRENT;

    static {
        EventSchema events = new EventSchema();
        CURRENT = " AND version >= (SELECT max(" + events.sequenceNumberColumn() + ") FROM " + events.domainEventTable()
                + " WHERE " + events.aggregateIdentifierColumn() + " = ?)";
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final int windowPerRow;

    public RecordingQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, WINDOW_PER_ROW);
    }

    /** With the rows a text search reads in ISRC order per row of the page (tests make either way run). */
    public RecordingQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions, int windowPerRow) {
        this.jdbc = jdbc;
        this.windowPerRow = windowPerRow;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(CSV_FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The recording's state as the read model holds it, if the row is current: it has applied the last event of the
     * recording's stream (its {@code version} is that event's sequence number). Empty when the read model has no row
     * for the code or its row is behind the stream; the caller then folds the recording from the event store. So a
     * read of one recording never shows less than the commands answered before it (docs/write-side.md).
     */
    public Optional<RecordingState> find(Isrc isrc) {
        return states("SELECT state::text FROM recording_view WHERE isrc = ?" + CURRENT, isrc.value(), isrc.value())
                .stream().findFirst();
    }

    /**
     * What anybody may read of the recording ({@link RecordingState#forPublic}: no fingerprint, no duplicate
     * warnings), already as the API's JSON (fields without a value left out, as the HTTP mapper's {@code non_null}
     * does): PostgreSQL trims the stored document, so a look-up never parses it. Empty as {@link #find} is.
     */
    public Optional<String> findPublicJson(Isrc isrc) {
        return jdbc.queryForList("""
                        SELECT (jsonb_strip_nulls(state) - 'fingerprint' || '{"possibleDuplicates": []}')::text
                        FROM recording_view WHERE isrc = ?""" + CURRENT,
                String.class, isrc.value(), isrc.value()).stream().findFirst();
    }

    /**
     * A page of the recordings matching {@code search}, in ISRC order, after the position {@code cursor} (null: from
     * the start). Keyset pagination: a page never skips or repeats a recording however the table changes.
     *
     * <p>A search by title or artist takes one of two ways, since neither is fast for every text. Matches that are
     * common fill a page from the first rows in ISRC order, so the window of the next rows is read first; when it
     * holds less than a page, the matches are rare enough to be found through an index ({@link ContainsText}) and
     * sorted.
     *
     * @throws IllegalArgumentException if the cursor was not given by this registry
     */
    public RecordingPage search(RecordingSearch search, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
        Conditions range = new Conditions();
        if (cursor != null) {
            range.add("isrc > ?", decode(cursor));
        }
        if (search.prefix() != null) {
            range.add("prefix_code = ?", search.prefix().value());
        }
        Conditions filters = new Conditions();
        if (search.yearOfReference() != null) {
            filters.add("year_of_reference = ?", search.yearOfReference());
        }
        if (search.kind() != null) {
            filters.add("kind = ?", search.kind().name());
        }
        if (search.status() != null) {
            filters.add("status = ?", search.status().name());
        }
        List<ContainsText> texts = new ArrayList<>();
        for (ContainsText text : new ContainsText[] {
                ContainsText.of("title_match", "title_words", search.title()),
                ContainsText.of("artist_match", "artist_words", search.artist())}) {
            if (text != null) {
                texts.add(text);
                filters.add(text.exact(), text.text());
            }
        }
        if (texts.isEmpty()) {
            return page(states("SELECT state::text FROM recording_view WHERE " + range.and(filters).sql()
                    + " ORDER BY isrc LIMIT ?", range.and(filters).args(size + 1)), size);
        }

        int window = windowPerRow * (size + 1);
        List<RecordingState> found = inWindow(range, filters, window, size + 1);
        if (found.size() <= size && windowFull(range, window)) {
            found = throughIndex(texts, range, filters, size + 1);
        }
        return page(found, size);
    }

    /** The first {@code rows} matches among the next {@code window} rows of the range in ISRC order. */
    private List<RecordingState> inWindow(Conditions range, Conditions filters, int window, int rows) {
        List<Object> args = new ArrayList<>(range.args);
        args.add(window);
        args.addAll(filters.args);
        args.add(rows);
        return states("SELECT state::text FROM (SELECT * FROM recording_view WHERE " + range.sql()
                + " ORDER BY isrc LIMIT ?) w WHERE " + filters.sql() + " ORDER BY isrc LIMIT ?", args.toArray());
    }

    /**
     * The first {@code rows} matches in ISRC order, the candidates found through one text's index: the words one if
     * a text has several words, else the trigram one of the longest text.
     */
    private List<RecordingState> throughIndex(List<ContainsText> texts, Conditions range, Conditions filters,
                                              int rows) {
        ContainsText index = texts.stream().filter(ContainsText::byWords).findFirst()
                .orElse(texts.stream().max(Comparator.comparingInt(t -> t.text().length())).orElseThrow());
        Conditions all = new Conditions().add(index.candidates(), index.candidatesArgument()).and(range).and(filters);
        return states("WITH candidate AS MATERIALIZED (SELECT isrc FROM recording_view WHERE " + all.sql() + ")"
                + " SELECT v.state::text FROM (SELECT isrc FROM candidate ORDER BY isrc LIMIT ?) p"
                + " JOIN recording_view v USING (isrc) ORDER BY v.isrc", all.args(rows));
    }

    /** Whether the window of {@code window} rows after the range's start is full (else it reached the range's end). */
    private boolean windowFull(Conditions range, int window) {
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM recording_view WHERE " + range.sql()
                + " ORDER BY isrc LIMIT ?) w", Integer.class, range.args(window));
        return rows != null && rows == window;
    }

    private static RecordingPage page(List<RecordingState> found, int size) {
        if (found.size() <= size) {
            return new RecordingPage(found, null);
        }
        List<RecordingState> page = found.subList(0, size);
        return new RecordingPage(List.copyOf(page), encode(page.get(size - 1).isrc()));
    }

    /** SQL conditions joined with AND, and their arguments in order. */
    private static final class Conditions {
        private final List<String> sql = new ArrayList<>();
        private final List<Object> args = new ArrayList<>();

        Conditions add(String condition, Object argument) {
            sql.add(condition);
            args.add(argument);
            return this;
        }

        Conditions and(Conditions other) {
            Conditions both = new Conditions();
            both.sql.addAll(sql);
            both.sql.addAll(other.sql);
            both.args.addAll(args);
            both.args.addAll(other.args);
            return both;
        }

        String sql() {
            return sql.isEmpty() ? "true" : String.join(" AND ", sql);
        }

        Object[] args(Object... more) {
            List<Object> all = new ArrayList<>(args);
            all.addAll(List.of(more));
            return all.toArray();
        }
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

    /** The row of the query above, by column position (a look-up by label costs a map look-up per field). */
    private static List<String> csvRow(ResultSet rs) throws SQLException {
        Isrc isrc = Isrc.parse(rs.getString(1));
        List<String> row = new ArrayList<>(CSV_COLUMNS.size());
        row.add(isrc.value());
        row.add(isrc.display());
        row.add(rs.getString(2));
        row.add(rs.getString(3));
        row.add(rs.getString(4));
        row.add(RecordingDuration.ofMillis(rs.getLong(5)).iso());
        for (int column = 6; column <= 11; column++) {
            row.add(rs.getString(column));
        }
        row.add(rs.getTimestamp(12).toInstant().toString());
        row.add(rs.getTimestamp(13).toInstant().toString());
        return row;
    }

    private List<RecordingState> states(String sql, Object... args) {
        return jdbc.queryForList(sql, String.class, args).stream().map(RecordingJson::read).toList();
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
