package org.isrcregistry.projections;

import java.util.Locale;

/**
 * What the admin pages say of a failure (a failed rebuild, a parked event): a stable kind, never the exception's
 * class or message (which may hold SQL or paths); the details are in the log under the id shown next to it.
 */
public enum ErrorKind {
    /** A stored event could not be read (its JSON, its type). */
    UNREADABLE_EVENT,
    /** The database refused or failed a statement. */
    DATABASE,
    /** The event does not fit the read model's state (e.g. a change to a recording never created). */
    INCONSISTENT_EVENT,
    /** Anything else. */
    INTERNAL;

    public static ErrorKind of(Throwable failure) {
        ErrorKind kind = INTERNAL;
        for (Throwable t = failure; t != null && kind == INTERNAL; t = t.getCause() == t ? null : t.getCause()) {
            kind = ofType(t.getClass().getName());
        }
        return kind;
    }

    /** From the class name of the failure, as Axon's dead-letter queue keeps it. */
    public static ErrorKind ofType(String exceptionType) {
        String type = exceptionType == null ? "" : exceptionType.toLowerCase(Locale.ROOT);
        if (type.contains("serializ") || type.contains("jackson") || type.contains("json")) {
            return UNREADABLE_EVENT;
        }
        if (type.contains("sql") || type.contains("dataaccess") || type.contains("jdbc")) {
            return DATABASE;
        }
        if (type.contains("illegalargument") || type.contains("illegalstate")) {
            return INCONSISTENT_EVENT;
        }
        return INTERNAL;
    }

    /** The form the admin pages show, e.g. {@code database (error 6f1c...)}. */
    public String withId(String errorId) {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + " (error " + errorId + ")";
    }
}
