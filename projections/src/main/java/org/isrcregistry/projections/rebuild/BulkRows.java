package org.isrcregistry.projections.rebuild;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;
import org.postgresql.PGConnection;

/**
 * A rebuild's rows. A batch's rows are written into the shadow tables while the next batch is being applied: each
 * table on its own connection and transaction ({@link Table.Load}: COPY, or the projection's own insert). One batch
 * at a time is being written, so a table receives its batches in order; {@link #name} waits for it, so a statement
 * or a look-up on a shadow table sees every row applied so far.
 */
final class BulkRows implements Rows {

    private final Map<Table, ShadowTable> shadows;
    private final Transactions transactions;
    private final Executor writers;
    private Map<Table, Map<Object, Object[]>> puts = new LinkedHashMap<>();
    private Map<Table, List<Object[]>> adds = new LinkedHashMap<>();
    private final Map<String, Object> resources = new HashMap<>();
    private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);

    BulkRows(Map<Table, ShadowTable> shadows, Transactions transactions, Executor writers) {
        this.shadows = shadows;
        this.transactions = transactions;
        this.writers = writers;
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
        written();
        return shadows.get(table).shadow();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T resource(String name, Supplier<T> initial) {
        return (T) resources.computeIfAbsent(name, k -> initial.get());
    }

    /** Starts writing the batch applied so far (once the previous one is written) and starts a new batch. */
    void flush() {
        written();
        Map<Table, Map<Object, Object[]>> batchPuts = puts;
        Map<Table, List<Object[]>> batchAdds = adds;
        puts = new LinkedHashMap<>();
        adds = new LinkedHashMap<>();
        resources.clear();
        Set<Table> tables = new LinkedHashSet<>(batchPuts.keySet());
        tables.addAll(batchAdds.keySet());
        writing = CompletableFuture.allOf(tables.stream().map(table -> CompletableFuture.runAsync(() ->
                transactions.run(connection -> {
                    Map<Object, Object[]> put = batchPuts.get(table);
                    if (put != null) {
                        write(connection, table, new ArrayList<>(put.values()), true);
                    }
                    List<Object[]> added = batchAdds.get(table);
                    if (added != null) {
                        write(connection, table, added, false);
                    }
                }), writers)).toArray(CompletableFuture[]::new));
    }

    /** Waits until the batches handed over are written; throws what failed. */
    void written() {
        writing.join();
    }

    private void write(Connection connection, Table table, List<Object[]> rows, boolean replacing)
            throws SQLException {
        ShadowTable shadow = shadows.get(table);
        if (table.load() == Table.Load.STATEMENT) {
            transactions.jdbc.batchUpdate(table.insertInto(shadow.shadow()), rows);
            return;
        }
        if (replacing) {
            // Rows of these keys written by an earlier batch go; this batch's replace them.
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + shadow.shadow() + " WHERE "
                    + table.keyColumn() + " = ANY (?::" + shadow.keyType() + "[])")) {
                delete.setArray(1, connection.createArrayOf("text", rows.stream().map(row -> row[0]).toArray()));
                delete.executeUpdate();
            }
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
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + shadow.shadow() + " ("
                    + table.columns() + ") FROM STDIN", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** COPY's text format: tab-separated, {@code \N} for null, backslash escapes; instants in UTC. */
    private static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Timestamp timestamp) {
            appendInstant(text, timestamp.toInstant());
        } else if (value instanceof Number) {
            text.append(value);
        } else {
            String string = value.toString();
            int start = text.length();
            text.append(string);
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                    text.setLength(start);
                    appendEscaped(text, string);
                    return;
                }
            }
        }
    }

    private static void appendEscaped(StringBuilder text, String string) {
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

    /** {@code 2026-11-21 08:00:00.123456789+00} (PostgreSQL rounds to microseconds); no formatter per value. */
    private static void appendInstant(StringBuilder text, Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        text.append(utc.getYear()).append('-');
        pad(text, utc.getMonthValue(), 2).append('-');
        pad(text, utc.getDayOfMonth(), 2).append(' ');
        pad(text, utc.getHour(), 2).append(':');
        pad(text, utc.getMinute(), 2).append(':');
        pad(text, utc.getSecond(), 2).append('.');
        pad(text, utc.getNano(), 9).append("+00");
    }

    private static StringBuilder pad(StringBuilder text, int value, int digits) {
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(number);
    }
}
