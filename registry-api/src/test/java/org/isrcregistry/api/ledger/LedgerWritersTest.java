package org.isrcregistry.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.ledger.NoteKeys;
import org.isrcregistry.projections.ledger.LedgerVerification;
import org.isrcregistry.projections.ledger.LedgerWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two ledger writers on one database, as on two registry nodes, while events are stored concurrently and some
 * transactions roll back (holes in the global index): one dense log, every event exactly once, a clean verification.
 */
@RegistryIntegrationTest
class LedgerWritersTest {

    private static final int STORERS = 4;
    private static final int EVENTS_EACH = 150;

    @Autowired
    JdbcTemplate shared;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void twoWritersMakeOneDenseLogWithEveryEventOnce() throws Exception {
        try (IsolatedDatabase db = new IsolatedDatabase(postgres, shared)) {
            NoteKeys.Signer signer = NoteKeys.Signer.generate(LedgerTamperingTest.FAST.origin());
            List<LedgerWriter> writers = List.of(
                    new LedgerWriter(db.dataSource, LedgerTamperingTest.FAST, signer, Clock.systemUTC()),
                    new LedgerWriter(postgres.getDatabase("postgres", databaseName(db)), LedgerTamperingTest.FAST,
                            signer, Clock.systemUTC()));
            AtomicBoolean storing = new AtomicBoolean(true);
            AtomicInteger[] led = {new AtomicInteger(), new AtomicInteger()};
            ExecutorService threads = Executors.newFixedThreadPool(STORERS + 2);
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writing.add(threads.submit(() -> {
                    while (storing.get() || pending(db.jdbc) > 0) {
                        if (writers.get(writer).write().leader()) {
                            led[writer].incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> storers = new ArrayList<>();
            AtomicInteger rolledBack = new AtomicInteger();
            for (int s = 0; s < STORERS; s++) {
                int storer = s;
                storers.add(threads.submit(() -> {
                    store(db.dataSource, storer, rolledBack);
                    return null;
                }));
            }
            for (Future<?> storer : storers) {
                storer.get(120, TimeUnit.SECONDS);
            }
            storing.set(false);
            for (Future<?> writer : writing) {
                writer.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();

            long events = db.jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
            assertThat(events).isEqualTo(STORERS * EVENTS_EACH);
            assertThat(rolledBack.get()).isPositive();
            assertThat(db.jdbc.queryForMap("""
                    SELECT count(*) AS leaves, max(log_index) + 1 AS size, count(DISTINCT global_index) AS distinct_events
                    FROM ledger_leaf""")).containsEntry("leaves", events).containsEntry("size", events)
                    .containsEntry("distinct_events", events);
            assertThat(pending(db.jdbc)).isZero();
            assertThat(led[0].get()).isPositive();
            assertThat(led[1].get()).isPositive();
            LedgerVerification.Status verified = new LedgerVerification(db.dataSource, signer.verifier()).verifyNow();
            assertThat(verified.firstFault()).isNull();
            assertThat(verified.checked()).isEqualTo(events);
        }
    }

    private static long pending(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry e
                WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.globalindex)""", Long.class);
    }

    /** Events in transactions of one to three, every seventh transaction rolled back. */
    private static void store(DataSource dataSource, int storer, AtomicInteger rolledBack) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        int stored = 0;
        for (int t = 0; stored < EVENTS_EACH; t++) {
            int size = Math.min(1 + t % 3, EVENTS_EACH - stored);
            boolean rollBack = t % 7 == 6;
            int first = stored;
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < size; i++) {
                    jdbc.update("""
                            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                metadata, payload, payloadrevision, payloadtype, timestamp)
                            VALUES (?, ?, 'Writers', gen_random_uuid()::text, ?, ?, '1', 'WritersTestEvent',
                                    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))""",
                            "W" + storer, first + i, "{}".getBytes(StandardCharsets.UTF_8),
                            ("{\"n\": " + (first + i) + "}").getBytes(StandardCharsets.UTF_8));
                }
                if (rollBack) {
                    status.setRollbackOnly();
                }
            });
            if (rollBack) {
                rolledBack.incrementAndGet();
            } else {
                stored += size;
            }
        }
    }

    private static String databaseName(IsolatedDatabase db) {
        return db.name;
    }
}
