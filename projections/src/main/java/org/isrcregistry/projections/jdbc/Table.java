package org.isrcregistry.projections.jdbc;

/**
 * A read-model table as its projection writes it: the columns (the key first), the placeholders of a row, and what
 * the insert does when the key is there already ({@code {table}} stands for the table's name, so the same statement
 * writes a rebuild's shadow table). {@code bulk}: one pass over the event store in order writes each key at most once
 * (a later row of the same key replaces it), so a rebuild may load the rows with COPY.
 */
public record Table(String name, String columns, String placeholders, String onConflict, boolean bulk,
                    String insert) {

    public Table(String name, String columns, String placeholders, String onConflict, boolean bulk) {
        this(name, columns, placeholders, onConflict, bulk, insertInto(name, columns, placeholders, onConflict));
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
