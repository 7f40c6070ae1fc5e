package org.isrcregistry.projections.ledger;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.isrcregistry.ledger.Checkpoint;
import org.isrcregistry.ledger.MerkleTree;
import org.isrcregistry.ledger.NoteKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the ledger from the event table, in log order and constant memory (a database cursor and the tree's
 * right border): every leaf from its event as stored now, compared with the leaf hash the ledger stored, and the root
 * at the newest checkpoint's size, compared with the signed root. Reports the first log index at fault and whether
 * the newest checkpoint still holds. One verification runs at a time; its progress is readable while it runs.
 */
public class LedgerVerification {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerification.class);

    /** How an event differs from the one the ledger holds at a log index. */
    public enum Fault {
        /** The event's stored columns changed. */
        ALTERED,
        /** No event row at the leaf's global index any more. */
        REMOVED,
        /** Another event sits at the leaf's global index. */
        REORDERED,
        /** An event row the ledger never saw, among the events it holds. */
        INSERTED
    }

    /** The first fault: the log index it was found at, the event's global index and identifier. */
    public record FirstFault(Fault fault, long logIndex, long globalIndex, String eventIdentifier) {
    }

    /**
     * A verification, running or done.
     *
     * @param leaves           leaves the ledger holds when it started
     * @param checked          leaves recomputed so far
     * @param checkpointSize   the newest checkpoint's tree size (-1: none was signed)
     * @param checkpointHolds  whether the recomputed root at that size is the signed one, and its signature verifies
     * @param recomputedRoot   base64 root hash recomputed at the checkpoint's size
     * @param firstFault       null when every event is as the ledger holds it
     */
    public record Status(String id, String state, Instant startedAt, Instant finishedAt, long leaves, long checked,
                         long checkpointSize, Boolean checkpointHolds, String recomputedRoot, FirstFault firstFault,
                         String error) {

        public boolean running() {
            return "RUNNING".equals(state);
        }
    }

    private final DataSource dataSource;
    private final NoteKeys.Verifier key;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ledger-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicReference<Status>> runs = new ConcurrentHashMap<>();
    private final AtomicReference<AtomicReference<Status>> current = new AtomicReference<>();

    /** @param key verifies the checkpoints; null: their signature is not checked */
    public LedgerVerification(DataSource dataSource, NoteKeys.Verifier key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /** Starts a verification, or returns the one running. */
    public synchronized Status start() {
        AtomicReference<Status> running = current.get();
        if (running != null && running.get().running()) {
            return running.get();
        }
        String id = UUID.randomUUID().toString();
        AtomicReference<Status> status = new AtomicReference<>(
                new Status(id, "RUNNING", Instant.now(), null, 0, 0, -1, null, null, null, null));
        if (runs.size() > 20) {
            runs.values().removeIf(run -> !run.get().running());
        }
        runs.put(id, status);
        current.set(status);
        runner.execute(() -> run(status));
        return status.get();
    }

    public Optional<Status> status(String id) {
        return Optional.ofNullable(runs.get(id)).map(AtomicReference::get);
    }

    /** Waits up to {@code wait} for the verification to finish; returns its status then. */
    public Status await(String id, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Status status = status(id).orElseThrow();
        while (status.running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = status(id).orElseThrow();
        }
        return status;
    }

    /** Runs a verification on the calling thread (tests, the command line). */
    public Status verifyNow() {
        AtomicReference<Status> status = new AtomicReference<>(
                new Status("inline", "RUNNING", Instant.now(), null, 0, 0, -1, null, null, null, null));
        run(status);
        return status.get();
    }

    private void run(AtomicReference<Status> status) {
        Status started = status.get();
        try {
            TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            readOnly.setReadOnly(true);
            // One snapshot for the whole pass: the leaves, the events and the checkpoint agree.
            readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
            readOnly.executeWithoutResult(tx -> verify(status, started));
        } catch (RuntimeException e) {
            log.warn("Ledger verification {} failed", started.id(), e);
            Status at = status.get();
            status.set(new Status(at.id(), "FAILED", at.startedAt(), Instant.now(), at.leaves(), at.checked(),
                    at.checkpointSize(), null, null, at.firstFault(), e.toString()));
        }
    }

    private void verify(AtomicReference<Status> status, Status started) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(2_000);
        long leaves = jdbc.queryForObject("SELECT count(*) FROM ledger_leaf", Long.class);
        LedgerCheckpoints.Stored checkpoint = LedgerCheckpoints.latest(jdbc);
        long checkpointSize = checkpoint == null ? -1 : checkpoint.treeSize();
        boolean signatureHolds = checkpoint != null && signatureHolds(checkpoint);
        status.set(new Status(started.id(), "RUNNING", started.startedAt(), null, leaves, 0, checkpointSize, null,
                null, null, null));

        FirstFault inserted = firstInserted(jdbc);
        MerkleTree.CompactRange tree = new MerkleTree.CompactRange();
        AtomicReference<FirstFault> first = new AtomicReference<>();
        AtomicReference<byte[]> rootAtCheckpoint = new AtomicReference<>(checkpointSize == 0 ? tree.root() : null);
        AtomicLong checked = new AtomicLong();
        jdbc.query("""
                SELECT l.log_index, l.global_index, l.event_identifier, h.hash AS leaf_hash, p.hash AS previous_hash,
                       e.eventidentifier, e.type, e.aggregateidentifier, e.sequencenumber, e.payloadtype,
                       e.payloadrevision, e.timestamp, e.payload, e.metadata
                FROM ledger_leaf l
                JOIN ledger_node h ON h.level = 0 AND h.idx = l.log_index
                LEFT JOIN ledger_node p ON p.level = 0 AND p.idx = l.previous_log_index
                LEFT JOIN domainevententry e ON e.globalindex = l.global_index
                ORDER BY l.log_index""", (ResultSet row) -> {
            long logIndex = row.getLong("log_index");
            long globalIndex = row.getLong("global_index");
            String stored = row.getString("eventidentifier");
            byte[] recomputed;
            FirstFault fault = null;
            if (stored == null) {
                recomputed = MerkleTree.emptyRoot();
                fault = new FirstFault(Fault.REMOVED, logIndex, globalIndex, row.getString("event_identifier"));
            } else {
                recomputed = LedgerWriter.EventColumns.of(row).leaf(row.getBytes("previous_hash")).leafHash();
                if (!stored.equals(row.getString("event_identifier"))) {
                    fault = new FirstFault(Fault.REORDERED, logIndex, globalIndex, stored);
                } else if (!MessageDigest.isEqual(recomputed, row.getBytes("leaf_hash"))) {
                    fault = new FirstFault(Fault.ALTERED, logIndex, globalIndex, stored);
                }
            }
            if (logIndex != tree.size() && fault == null) {
                fault = new FirstFault(Fault.REMOVED, tree.size(), globalIndex, row.getString("event_identifier"));
            }
            if (fault != null) {
                first.compareAndSet(null, fault);
            }
            tree.append(recomputed);
            if (tree.size() == checkpointSize) {
                rootAtCheckpoint.set(tree.root());
            }
            if (checked.incrementAndGet() % 10_000 == 0) {
                status.set(new Status(started.id(), "RUNNING", started.startedAt(), null, leaves, checked.get(),
                        checkpointSize, null, null, first.get(), null));
            }
        });
        FirstFault fault = first.get();
        if (inserted != null && (fault == null || inserted.logIndex() <= fault.logIndex())) {
            fault = inserted;
        }
        byte[] root = rootAtCheckpoint.get();
        Boolean holds = checkpoint == null ? null
                : signatureHolds && root != null && MessageDigest.isEqual(root, checkpoint.rootHash());
        status.set(new Status(started.id(), "DONE", started.startedAt(), Instant.now(), leaves, checked.get(),
                checkpointSize, holds, root == null ? null : Base64.getEncoder().encodeToString(root), fault, null));
    }

    /**
     * The first event row the ledger has no leaf for, below the newest event it has: an insertion (a transaction that
     * has not committed yet is invisible here, and one that commits late is appended within seconds). Its log index is
     * where it would sit: that of the first leaf after it in the event store's order.
     */
    private static FirstFault firstInserted(JdbcTemplate jdbc) {
        List<FirstFault> found = jdbc.query("""
                SELECT e.globalindex, e.eventidentifier,
                       (SELECT min(l.log_index) FROM ledger_leaf l WHERE l.global_index > e.globalindex) AS position
                FROM domainevententry e
                WHERE e.globalindex < (SELECT max(global_index) FROM ledger_leaf)
                  AND NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.globalindex)
                  AND NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.event_identifier = e.eventidentifier)
                ORDER BY position, e.globalindex LIMIT 1""",
                (row, n) -> new FirstFault(Fault.INSERTED, row.getLong("position"), row.getLong("globalindex"),
                        row.getString("eventidentifier")));
        return found.isEmpty() ? null : found.get(0);
    }

    private boolean signatureHolds(LedgerCheckpoints.Stored checkpoint) {
        if (key == null) {
            return true;
        }
        try {
            Checkpoint signed = Checkpoint.verified(checkpoint.note(), key);
            return signed.size() == checkpoint.treeSize()
                    && MessageDigest.isEqual(signed.rootHash(), checkpoint.rootHash());
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
