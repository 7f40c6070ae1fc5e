package org.isrcregistry.projections.jdbc;

/**
 * A read-model table as its projection writes it: the columns (the key first), the placeholders of a row, what the
 * insert does when the key is there already ({@code {table}} stands for the table's name, so the same statement
 * writes a rebuild's shadow table), and how a rebuild loads it.
 */
public record Table(String name, String columns, String placeholders, String onConflict, Load load, String insert) {

    /** How a rebuild, one pass over the event store in order, writes the table. */
    public enum Load {
        /** Through {@link #insert}: a key may come again (its conflict clause decides). */
        STATEMENT,
        /** With COPY; a row put again under a key written by an earlier batch replaces it. */
        COPY,
        /** With COPY; rows are only added and no key comes twice, so the primary key is built after the load. */
        APPEND
    }

    public Table(String name, String columns, String placeholders, String onConflict, Load load) {
        this(name, columns, placeholders, onConflict, load, insertInto(name, columns, placeholders, onConflict));
    }

    /** The insert of a row into {@code table}: this table or its shadow. */
    public String insertInto(String table) {
        return insertInto(table, columns, placeholders, onConflict);
    }

    public String keyColumn() {
        return columns.substring(0, columns.indexOf(',')).trim();
    }

    private static String insertInto(String table, String columns, String placeholders, String onConflict) {
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ") "
                + onConflict.replace("{table}", table);
    }
}
