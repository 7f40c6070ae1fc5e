package org.isrcregistry.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.ledger.MerkleTree;
import org.isrcregistry.ledger.NoteKeys;
import org.isrcregistry.ledger.Proofs;
import org.isrcregistry.projections.ledger.LedgerProofs;
import org.isrcregistry.projections.ledger.LedgerVerification;
import org.isrcregistry.projections.ledger.LedgerWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's speed, on demand ({@code -Dledger.benchmark=true}, {@code -Dledger.benchmark.events=1000000}), in a
 * database of its own: events seeded with SQL (real-sized JSON payloads and metadata, one aggregate per two events),
 * the writer appending all of them, a full verification, then inclusion proofs from 8 threads for 10 s. Baselines in
 * the same run: a full scan of the event table reading every payload (for the verification), and single-row look-ups
 * by primary key from the same 8 threads (for the proofs). Prints the figures.
 */
@RegistryIntegrationTest
@EnabledIfSystemProperty(named = "ledger.benchmark", matches = "true")
class LedgerBenchmark {

    @Autowired
    JdbcTemplate shared;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void writeVerifyAndProve() throws Exception {
        int events = Integer.getInteger("ledger.benchmark.events", 1_000_000);
        try (IsolatedDatabase db = new IsolatedDatabase(postgres, shared)) {
            long start = System.nanoTime();
            db.jdbc.update("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                        payload, payloadrevision, payloadtype, timestamp)
                    SELECT 'ZZ' || lpad((n / 2)::text, 10, '0'), n % 2, 'Recording', gen_random_uuid()::text,
                           convert_to('{"actor":"token:bench","correlationId":"' || gen_random_uuid() || '","traceId":"'
                               || md5(n::text) || '"}', 'UTF8'),
                           convert_to('{"isrc":"ZZ' || lpad((n / 2)::text, 10, '0') || '","details":{"metadata":'
                               || '{"title":"Benchmark title ' || n || '","versionTitle":null,"mainArtist":"Bench Artist",'
                               || '"featuredArtists":[],"duration":"PT3M20S","kind":"AUDIO","firstPublished":"2026-01-01"},'
                               || '"owner":"Bench Label","distributor":null,"fingerprint":"' || md5(n::text) || md5(n::text)
                               || '","upc":null}}', 'UTF8'),
                           '2', 'org.isrcregistry.core.recording.RecordingCreated',
                           to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    FROM generate_series(0, ? - 1) n""", events);
            System.out.printf("ledger.benchmark seeded %,d events in %.1f s%n", events, seconds(start));

            NoteKeys.Signer signer = NoteKeys.Signer.generate(LedgerTamperingTest.FAST.origin());
            LedgerWriter writer = new LedgerWriter(db.dataSource, LedgerTamperingTest.FAST, signer, Clock.systemUTC());
            start = System.nanoTime();
            long appended = 0;
            while (appended < events) {
                appended += writer.write().appended();
            }
            double append = seconds(start);
            System.out.printf("ledger.benchmark append: %,d leaves in %.1f s = %,.0f leaves/s%n", appended, append,
                    appended / append);

            start = System.nanoTime();
            long[] bytes = new long[1];
            new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(db.dataSource))
                    .executeWithoutResult(tx -> {
                        JdbcTemplate cursor = new JdbcTemplate(db.dataSource);
                        cursor.setFetchSize(2_000);
                        cursor.query("SELECT payload, metadata FROM domainevententry ORDER BY globalindex",
                                (java.sql.ResultSet row) -> {
                                    byte[] metadata = row.getBytes(2);
                                    bytes[0] += row.getBytes(1).length + (metadata == null ? 0 : metadata.length);
                                });
                    });
            double scan = seconds(start);
            start = System.nanoTime();
            LedgerVerification.Status verified = new LedgerVerification(db.dataSource, signer.verifier()).verifyNow();
            double verify = seconds(start);
            assertThat(verified.firstFault()).isNull();
            assertThat(verified.checked()).isEqualTo(events);
            System.out.printf("ledger.benchmark verification of %,d events: %.1f s (baseline, every payload and metadata "
                    + "read over JDBC in order: %.1f s; ratio %.1f)%n", events, verify, scan, verify / scan);

            LedgerProofs proofs = new LedgerProofs(db.dataSource);
            long size = proofs.latestCheckpoint().orElseThrow().treeSize();
            byte[] root = proofs.latestCheckpoint().orElseThrow().rootHash();
            Histogram proofLatency = load(8, () -> {
                LedgerProofs.LeafProof proof = proofs.inclusion(ThreadLocalRandom.current().nextLong(size)).orElseThrow();
                Proofs.verifyInclusion(proof.logIndex(), proof.treeSize(), MerkleTree.leafHash(proof.leaf()),
                        proof.proof(), root);
            });
            JdbcTemplate jdbc = new JdbcTemplate(db.dataSource);
            Histogram lookupLatency = load(8, () -> jdbc.queryForMap(
                    "SELECT * FROM domainevententry WHERE globalindex = ?",
                    1 + ThreadLocalRandom.current().nextLong(events)));
            System.out.printf("ledger.benchmark inclusion proofs (verified), 8 threads, 10 s: %,.0f/s, p50 %.1f ms, "
                            + "p99 %.1f ms (baseline, one event row by primary key: %,.0f/s, p99 %.1f ms)%n",
                    proofLatency.getTotalCount() / 10.0, proofLatency.getValueAtPercentile(50) / 1e3,
                    proofLatency.getValueAtPercentile(99) / 1e3, lookupLatency.getTotalCount() / 10.0,
                    lookupLatency.getValueAtPercentile(99) / 1e3);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Microseconds per call, from {@code threads} threads for 10 s. */
    private static Histogram load(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Future<Histogram>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                Histogram histogram = new Histogram(3);
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    call.run();
                    histogram.recordValue((System.nanoTime() - start) / 1_000);
                }
                return histogram;
            }));
        }
        Histogram all = new Histogram(3);
        for (Future<Histogram> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        return all;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
