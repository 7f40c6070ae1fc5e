package org.isrcregistry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reference: assigning the next code with plain JDBC on the registry's own PostgreSQL, in a schema of its own.
 * One transaction per code: lock the prefix's counter row and take the next number (one {@code UPDATE ... RETURNING},
 * which takes the row lock), insert the recording row with the same metadata the registry receives, commit. Same
 * server, same durability settings, same client concurrency as the registry's scenario.
 */
final class Baseline {

    static final String SCHEMA = "bench_baseline";

    private final Target target;

    Baseline(Target target) {
        this.target = target;
    }

    record Run(ClosedLoop.Outcome outcome, List<String> codes) {
    }

    void reset(List<String> prefixes) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            statement.execute("""
                    CREATE TABLE bench_baseline.prefix_counter (
                        prefix_code CHAR(5) PRIMARY KEY,
                        next_number INTEGER NOT NULL)""");
            statement.execute("""
                    CREATE TABLE bench_baseline.recording (
                        isrc        CHAR(12)    PRIMARY KEY,
                        prefix_code CHAR(5)     NOT NULL REFERENCES bench_baseline.prefix_counter,
                        title       TEXT        NOT NULL,
                        main_artist TEXT        NOT NULL,
                        metadata    JSONB       NOT NULL,
                        assigned_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_baseline.prefix_counter VALUES (?, 0)")) {
                for (String prefix : prefixes) {
                    insert.setString(1, prefix);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    Run run(List<String> prefixes, int clients, Duration duration) throws Exception {
        reset(prefixes);
        ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
        ClosedLoop.Outcome outcome = ClosedLoop.run(clients, duration, id -> new JdbcClient(prefixes, codes));
        return new Run(outcome, new ArrayList<>(codes));
    }

    /** Every code distinct, every one stored once, and each prefix's counter equal to its number of recordings. */
    String verify(Run run) throws SQLException {
        Set<String> distinct = new HashSet<>(run.codes());
        if (distinct.size() != run.codes().size()) {
            throw new IllegalStateException("The baseline returned " + (run.codes().size() - distinct.size())
                    + " duplicate codes");
        }
        try (Connection connection = target.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM bench_baseline.recording),
                            (SELECT sum(next_number) FROM bench_baseline.prefix_counter)""")) {
            rs.next();
            long rows = rs.getLong(1);
            long numbers = rs.getLong(2);
            if (rows != distinct.size() || numbers != rows) {
                throw new IllegalStateException("Baseline: %d codes returned, %d rows, %d numbers taken"
                        .formatted(distinct.size(), rows, numbers));
            }
        }
        return distinct.size() + " codes distinct, stored once each, counters match";
    }

    private final class JdbcClient implements ClosedLoop.Client {

        private final List<String> prefixes;
        private final ConcurrentLinkedQueue<String> codes;
        private final Connection connection;
        private final PreparedStatement take;
        private final PreparedStatement insert;
        private long n;

        JdbcClient(List<String> prefixes, ConcurrentLinkedQueue<String> codes) {
            this.prefixes = prefixes;
            this.codes = codes;
            try {
                connection = target.connect();
                connection.setAutoCommit(false);
                take = connection.prepareStatement("""
                        UPDATE bench_baseline.prefix_counter SET next_number = next_number + 1
                        WHERE prefix_code = ? RETURNING next_number - 1""");
                insert = connection.prepareStatement("""
                        INSERT INTO bench_baseline.recording (isrc, prefix_code, title, main_artist, metadata)
                        VALUES (?, ?, ?, ?, ?::jsonb)""");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot connect to " + target.jdbcUrl(), e);
            }
        }

        @Override
        public ClosedLoop.Call next() {
            String prefix = prefixes.get(ThreadLocalRandom.current().nextInt(prefixes.size()));
            String title = "Baseline " + Thread.currentThread().getName() + " " + n++;
            return () -> {
                try {
                    take.setString(1, prefix);
                    int number;
                    try (ResultSet rs = take.executeQuery()) {
                        rs.next();
                        number = rs.getInt(1);
                    }
                    // Year of reference 26, then the next years once a year's 100,000 designations are used.
                    String isrc = prefix + "%02d%05d".formatted(26 + number / 100_000, number % 100_000);
                    insert.setString(1, isrc);
                    insert.setString(2, prefix);
                    insert.setString(3, title);
                    insert.setString(4, "Bench Artist");
                    insert.setString(5, RegistryApi.recordingMetadata(title));
                    insert.executeUpdate();
                    connection.commit();
                    codes.add(isrc);
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                }
            };
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
