package org.isrcregistry.projections.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.isrcregistry.projections.jdbc.CsvLines;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the compliance reports: a page after a keyset cursor, or every row as CSV (RFC 4180, header first) streamed
 * from a PostgreSQL cursor inside a read-only transaction, so the memory held is one fetch whatever the row count.
 */
public class Reports {

    public static final int MAX_PAGE_SIZE = 500;
    private static final int FETCH_SIZE = 1_000;
    private static final char SEPARATOR = '\u001f';
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public Reports(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The rows after {@code cursor} (null: from the first), at most {@code limit}.
     *
     * @throws IllegalArgumentException if the cursor was not given by this report
     */
    public ReportPage page(Report report, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
        List<Object> args = new ArrayList<>(report.args());
        StringBuilder sql = new StringBuilder("SELECT * FROM (").append(report.select()).append(") r");
        if (cursor != null) {
            List<String> after = decode(report, cursor);
            sql.append(" WHERE (").append(keyColumns(report)).append(") > (")
                    .append(report.keys().stream().map(k -> "?::" + k.type().sql).collect(Collectors.joining(", ")))
                    .append(')');
            args.addAll(after);
        }
        sql.append(" ORDER BY ").append(keyColumns(report)).append(" LIMIT ?");
        args.add(size + 1);
        List<Map<String, Object>> rows = jdbc.query(sql.toString(), (rs, n) -> row(rs, true), args.toArray());
        if (rows.size() <= size) {
            return new ReportPage(rows, null);
        }
        List<Map<String, Object>> page = List.copyOf(rows.subList(0, size));
        return new ReportPage(page, encode(report, page.get(size - 1)));
    }

    /** Every row of the report as CSV, header first, in its keyset order. */
    public void csv(Report report, Writer out) {
        readOnly.executeWithoutResult(tx -> {
            CsvLines.write(out, columns(report));
            streaming.query("SELECT * FROM (" + report.select() + ") r ORDER BY " + keyColumns(report),
                    (RowCallbackHandler) rs -> CsvLines.write(out, row(rs, false).values().stream()
                            .map(v -> v == null ? null : v.toString()).toList()), report.args().toArray());
        });
    }

    private List<String> columns(Report report) {
        return jdbc.query("SELECT * FROM (" + report.select() + ") r LIMIT 0", rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i));
            }
            return names;
        }, report.args().toArray());
    }

    private static String keyColumns(Report report) {
        return report.keys().stream().map(Report.Key::column).collect(Collectors.joining(", "));
    }

    private static Map<String, Object> row(ResultSet rs, boolean jsonDocuments) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Timestamp timestamp) {
                value = timestamp.toInstant().toString();
            } else if (value instanceof Date date) {
                value = date.toLocalDate().toString();
            } else if (value != null && "jsonb".equals(meta.getColumnTypeName(i))) {
                value = jsonDocuments ? json(value.toString()) : value.toString();
            } else if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
                value = value.toString().stripTrailing();
            }
            row.put(meta.getColumnLabel(i), value);
        }
        return row;
    }

    private static Object json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON document cannot be read", e);
        }
    }

    private static String encode(Report report, Map<String, Object> last) {
        String keys = report.keys().stream().map(k -> String.valueOf(last.get(k.column())))
                .collect(Collectors.joining(String.valueOf(SEPARATOR)));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((report.name() + SEPARATOR + keys).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(Report report, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(text.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != report.keys().size() + 1 || !parts.get(0).equals(report.name())) {
                throw new IllegalArgumentException("not a cursor of this report");
            }
            List<String> values = parts.subList(1, parts.size());
            for (int i = 0; i < values.size(); i++) {
                report.keys().get(i).type().check(values.get(i));
            }
            return values;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not a cursor of the " + report.name()
                    + " report; use the 'next' value of the previous page unchanged", e);
        }
    }
}
