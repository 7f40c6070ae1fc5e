package org.isrcregistry.projections.jdbc;

import java.util.function.Supplier;

/**
 * Where a projection's batch writes its rows: the live processor's {@link JdbcBatch} (one JDBC batch per table, with
 * the processor's token) or a rebuild's bulk load into shadow tables. The projections' event-to-row code is written
 * once against this.
 */
public interface Rows {

    /** The row of {@code key}, replacing the one an earlier event of the same batch put. */
    void put(Table table, Object key, Object... row);

    /** A row, inserted as {@link Table#onConflict} says. */
    void add(Table table, Object... row);

    /** The name of the table being written (the live one, or a rebuild's shadow), for statements run at once. */
    String name(Table table);

    /** Scratch state of this batch, e.g. the states folded so far; gone when the batch is written. */
    <T> T resource(String name, Supplier<T> initial);
}
