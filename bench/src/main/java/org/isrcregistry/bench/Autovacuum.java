package org.isrcregistry.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL's autovacuum after a bulk load: a million rows seeded into the event store and the read models start
 * VACUUM and ANALYZE workers that take a core of the two for minutes. The look-ups measure the steady state, so they
 * wait for the workers to finish (bounded), and the run says how long that took.
 */
final class Autovacuum {

    private Autovacuum() {
    }

    /** Waits until no autovacuum worker has run for two seconds, at most {@code bound}; returns the seconds waited. */
    static double awaitQuiet(Connection connection, Duration bound) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        int quietChecks = 0;
        while (quietChecks < 4 && System.nanoTime() < deadline) {
            quietChecks = workers(connection) == 0 ? quietChecks + 1 : 0;
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static int workers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
