package org.isrcregistry.projections.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import org.isrcregistry.projections.jdbc.CopyText;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;

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
        CopyText text = new CopyText(rows.size(), 256);
        rows.forEach(text::row);
        text.copyInto(connection, shadow.shadow(), table.columns());
    }
}
