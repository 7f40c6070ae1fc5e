package org.isrcregistry.projections.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One report's query: {@code select} (its columns, filters and their {@code args}), read in the order of its
 * {@code keys}, which together identify a row: the keyset of its pages and the order of its CSV.
 */
public record Report(String name, String select, List<Object> args, List<Key> keys) {

    public Report {
        args = List.copyOf(args);
        keys = List.copyOf(keys);
    }

    /** A column of the keyset and its SQL type; a cursor's values are checked against it before any query. */
    public record Key(String column, Type type) {

        public enum Type {
            TEXT("text"), BIGINT("bigint"), TIMESTAMPTZ("timestamptz"), DATE("date");

            final String sql;

            Type(String sql) {
                this.sql = sql;
            }

            /** @throws IllegalArgumentException if the value is not of this type */
            void check(String value) {
                switch (this) {
                    case BIGINT -> Long.parseLong(value);
                    case TIMESTAMPTZ -> Instant.parse(value);
                    case DATE -> LocalDate.parse(value);
                    case TEXT -> {
                    }
                }
            }
        }

        public static Key text(String column) {
            return new Key(column, Type.TEXT);
        }

        public static Key bigint(String column) {
            return new Key(column, Type.BIGINT);
        }

        public static Key timestamp(String column) {
            return new Key(column, Type.TIMESTAMPTZ);
        }

        public static Key date(String column) {
            return new Key(column, Type.DATE);
        }
    }
}
