package org.isrcregistry.projections.jdbc;

/** {@code LIKE} patterns for text a user searches for. */
public final class Like {

    private Like() {
    }

    /** Finds {@code text} anywhere, its own {@code %}, {@code _} and backslash taken literally. */
    public static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
