package org.isrcregistry.projections.rebuild;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read-model table's shadow, {@code <table>_rebuild}: the same columns and primary key, filled by a rebuild while
 * the table itself keeps serving reads; its other indexes are built once it is full (far cheaper than row by row, the
 * trigram indexes above all), then it takes the table's place and names.
 */
record ShadowTable(String table, String shadow, String keyColumn, String keyType, String primaryKey,
                   String primaryKeyDefinition, List<Index> indexes) {

    /** A secondary index: its name and its definition ({@code pg_get_indexdef}). */
    record Index(String name, String definition) {
    }

    private static final String SUFFIX = "_rebuild";

    /** Reads the table's primary key and indexes from the catalogue, and creates the (empty) shadow. */
    static ShadowTable create(JdbcTemplate jdbc, String table, String keyColumn) {
        String shadow = table + SUFFIX;
        String keyType = jdbc.queryForObject("""
                SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                WHERE a.attrelid = ?::regclass AND a.attname = ?""", String.class, table, keyColumn);
        var primaryKey = jdbc.queryForMap("""
                SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
                WHERE conrelid = ?::regclass AND contype = 'p'""", table);
        List<Index> indexes = jdbc.query("""
                SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = ?::regclass AND NOT i.indisprimary ORDER BY c.relname""",
                (rs, n) -> new Index(rs.getString(1), rs.getString(2)), table);
        ShadowTable created = new ShadowTable(table, shadow, keyColumn, keyType, (String) primaryKey.get("conname"),
                (String) primaryKey.get("definition"), indexes);
        jdbc.execute("DROP TABLE IF EXISTS " + shadow);
        jdbc.execute("CREATE TABLE " + shadow + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        jdbc.execute("ALTER TABLE " + shadow + " ADD CONSTRAINT " + shadow + "_pkey " + created.primaryKeyDefinition);
        return created;
    }

    /** Builds the table's secondary indexes on the shadow, under provisional names. */
    void index(JdbcTemplate jdbc) {
        for (Index index : indexes) {
            String on = " ON ";
            int at = index.definition().indexOf(on);
            String head = index.definition().substring(0, at);
            String rest = index.definition().substring(at + on.length());
            // "CREATE [UNIQUE] INDEX name ON [schema.]table USING ..."
            String using = rest.substring(rest.indexOf(' '));
            jdbc.execute(head.replace(" " + index.name(), " " + provisional(index)) + on + shadow + using);
        }
    }

    /** In the swap's transaction: the table goes, the shadow takes its name and its indexes' names. */
    void swap(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE " + table);
        jdbc.execute("ALTER TABLE " + shadow + " RENAME TO " + table);
        jdbc.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + shadow + "_pkey TO " + primaryKey);
        for (Index index : indexes) {
            jdbc.execute("ALTER INDEX " + provisional(index) + " RENAME TO " + index.name());
        }
    }

    void drop(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS " + shadow);
    }

    private static String provisional(Index index) {
        return index.name() + SUFFIX;
    }
}
