package org.isrcregistry.projections.rebuild;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild's rows, written into the shadow tables when a batch of events has been applied: {@link Table#bulk} tables
 * with PostgreSQL's COPY (rows put again under a key written by an earlier batch replace it: deleted first), the
 * others with the projection's own insert on the shadow table.
 */
final class BulkRows implements Rows {

    private final Map<Table, ShadowTable> shadows;
    private final Map<Table, Map<Object, Object[]>> puts = new LinkedHashMap<>();
    private final Map<Table, List<Object[]>> adds = new LinkedHashMap<>();
    private final Map<String, Object> resources = new HashMap<>();

    BulkRows(Map<Table, ShadowTable> shadows) {
        this.shadows = shadows;
    }

    @Override
    public void put(Table table, Object key, Object... row) {
        puts.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, row);
    }

    @Override
    public void add(Table table, Object... row) {
        adds.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }

    @Override
    public String name(Table table) {
        return shadows.get(table).shadow();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T resource(String name, Supplier<T> initial) {
        return (T) resources.computeIfAbsent(name, k -> initial.get());
    }

    /** Writes the batch's rows on {@code connection} (the transaction's, which {@code jdbc} uses too). */
    void flush(Connection connection, JdbcTemplate jdbc) throws SQLException, IOException {
        for (Map.Entry<Table, Map<Object, Object[]>> entry : puts.entrySet()) {
            List<Object[]> rows = new ArrayList<>(entry.getValue().values());
            if (entry.getKey().bulk()) {
                delete(connection, shadows.get(entry.getKey()), rows);
            }
            write(connection, jdbc, entry.getKey(), rows);
        }
        for (Map.Entry<Table, List<Object[]>> entry : adds.entrySet()) {
            write(connection, jdbc, entry.getKey(), entry.getValue());
        }
        puts.clear();
        adds.clear();
        resources.clear();
    }

    private void write(Connection connection, JdbcTemplate jdbc, Table table, List<Object[]> rows)
            throws SQLException, IOException {
        ShadowTable shadow = shadows.get(table);
        if (!table.bulk()) {
            jdbc.batchUpdate(table.insertInto(shadow.shadow()), rows);
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendValue(text, row[i]);
            }
            text.append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY " + shadow.shadow() + " (" + table.columns() + ") FROM STDIN", new StringReader(text.toString()));
    }

    /** The keys (first column) may have rows from an earlier batch: those rows go, the batch's replace them. */
    private static void delete(Connection connection, ShadowTable shadow, List<Object[]> rows) throws SQLException {
        Object[] keys = rows.stream().map(row -> row[0]).toArray();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + shadow.shadow() + " WHERE "
                + shadow.keyColumn() + " = ANY (?::" + shadow.keyType() + "[])")) {
            delete.setArray(1, connection.createArrayOf("text", keys));
            delete.executeUpdate();
        }
    }

    /** COPY's text format: tab-separated, {@code \N} for null, backslash escapes; instants in ISO-8601 (UTC). */
    private static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String string = value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : value.toString();
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
