package org.isrcregistry.projections.rebuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.isrcregistry.projections.jdbc.Table;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read-model table's shadow, {@code <table>_rebuild}: the same columns, filled by a rebuild while the table itself
 * keeps serving reads. Its indexes are built once it is full (far cheaper than row by row, the trigram indexes above
 * all) - its primary key too, unless the load needs it ({@link Table.Load#COPY}: rows replaced, states looked up;
 * {@link Table.Load#STATEMENT}: conflicts) - then it takes the table's place and names.
 */
record ShadowTable(Table table, String shadow, String keyType, String primaryKey, String primaryKeyColumns,
                   Map<String, String> indexes) {

    private static final String SUFFIX = "_rebuild";

    /** Reads the table's primary key and indexes (name: definition) from the catalogue; creates the empty shadow. */
    static ShadowTable create(JdbcTemplate jdbc, Table table) {
        String name = table.name();
        String keyType = jdbc.queryForObject("""
                SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = ?::regclass AND attname = ?""",
                String.class, name, table.keyColumn());
        Map<String, Object> primaryKey = jdbc.queryForMap("""
                SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
                WHERE conrelid = ?::regclass AND contype = 'p'""", name);
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.query("""
                SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = ?::regclass AND NOT i.indisprimary ORDER BY c.relname""",
                rs -> {
                    indexes.put(rs.getString(1), rs.getString(2));
                }, name);
        String definition = (String) primaryKey.get("definition");
        ShadowTable shadow = new ShadowTable(table, name + SUFFIX, keyType, (String) primaryKey.get("conname"),
                definition.substring(definition.indexOf('(')), indexes);
        jdbc.execute("DROP TABLE IF EXISTS " + shadow.shadow);
        jdbc.execute("CREATE TABLE " + shadow.shadow + " (LIKE " + name
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)");
        if (table.load() != Table.Load.APPEND) {
            jdbc.execute("ALTER TABLE " + shadow.shadow + " ADD CONSTRAINT " + shadow.shadow + "_pkey " + definition);
        }
        return shadow;
    }

    /** The statements that build the shadow's indexes under provisional names; they may run concurrently. */
    List<String> indexStatements() {
        List<String> statements = new ArrayList<>();
        if (table.load() == Table.Load.APPEND) {
            statements.add("CREATE UNIQUE INDEX " + shadow + "_pkey ON " + shadow + " " + primaryKeyColumns);
        }
        indexes.forEach((name, definition) -> {
            // "CREATE [UNIQUE] INDEX name ON [schema.]table USING ..."
            int on = definition.indexOf(" ON ");
            String rest = definition.substring(on + " ON ".length());
            statements.add(definition.substring(0, on).replace(" " + name, " " + name + SUFFIX) + " ON " + shadow
                    + rest.substring(rest.indexOf(' ')));
        });
        return statements;
    }

    /** After {@link #indexStatements}: the primary key built after the load becomes the constraint. */
    void keyed(JdbcTemplate jdbc) {
        if (table.load() == Table.Load.APPEND) {
            jdbc.execute("ALTER TABLE " + shadow + " ADD CONSTRAINT " + shadow + "_pkey PRIMARY KEY USING INDEX "
                    + shadow + "_pkey");
        }
    }

    /** In the swap's transaction: the table goes, the shadow takes its name and its indexes' names. */
    void swap(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE " + table.name());
        jdbc.execute("ALTER TABLE " + shadow + " RENAME TO " + table.name());
        jdbc.execute("ALTER TABLE " + table.name() + " RENAME CONSTRAINT " + shadow + "_pkey TO " + primaryKey);
        for (String index : indexes.keySet()) {
            jdbc.execute("ALTER INDEX " + index + SUFFIX + " RENAME TO " + index);
        }
    }

    void drop(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE IF EXISTS " + shadow);
    }
}
