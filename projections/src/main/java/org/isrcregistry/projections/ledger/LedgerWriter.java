package org.isrcregistry.projections.ledger;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.isrcregistry.ledger.Checkpoint;
import org.isrcregistry.ledger.EventLeaf;
import org.isrcregistry.ledger.MerkleTree;
import org.isrcregistry.ledger.NoteKeys;
import org.isrcregistry.ledger.Proofs;
import org.isrcregistry.ledger.Subtree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends every stored event to the ledger, in the order events become visible, and signs checkpoints. Any number of
 * registry nodes run one each; a round takes a PostgreSQL advisory lock for its transaction, so one writes at a time
 * and the others skip the round. What a writer keeps in memory (the tree's right border, the holes it waits on) is
 * checked against the table at every round and reloaded when another writer moved it.
 */
public class LedgerWriter {

    /** The advisory lock of the ledger's writers ("isrc ledger"). */
    static final long LOCK = 0x15c1ed6e4L;

    private static final String EVENTS = """
            SELECT globalindex, eventidentifier, type, aggregateidentifier, sequencenumber, payloadtype,
                   payloadrevision, timestamp, payload, metadata
            FROM domainevententry""";

    /** What one round did. {@code leader}: false when another writer held the lock. */
    public record Round(boolean leader, int appended, long treeSize, boolean signed) {
    }

    /** The writer refuses to sign a tree that does not extend the last checkpoint it signed. */
    public static class ForkException extends IllegalStateException {
        ForkException(String message) {
            super(message);
        }
    }

    private record Stored(long globalIndex, EventColumns columns) {
    }

    /** An event's columns as stored. */
    record EventColumns(String eventIdentifier, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                        String payloadType, String payloadRevision, String timestamp, byte[] payload,
                        byte[] metadata) {

        static EventColumns of(ResultSet row) throws SQLException {
            return new EventColumns(row.getString("eventidentifier"), row.getString("type"),
                    row.getString("aggregateidentifier"), row.getLong("sequencenumber"),
                    row.getString("payloadtype"), row.getString("payloadrevision"), row.getString("timestamp"),
                    row.getBytes("payload"), row.getBytes("metadata"));
        }

        EventLeaf leaf(byte[] previousLeafHash) {
            return EventLeaf.of(eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber, payloadType,
                    payloadRevision, timestamp, payload, metadata, previousLeafHash);
        }
    }

    private record Previous(long logIndex, byte[] leafHash) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LedgerNodes nodes;
    private final LedgerProperties properties;
    private final NoteKeys.Signer signer;
    private final Clock clock;
    private final Gaps gaps;
    private MerkleTree.CompactRange tree;
    private long head = -1;
    private long rounds;
    private volatile Instant lastRoundAt;

    /** @param signer null: leaves are appended, no checkpoint is signed */
    public LedgerWriter(DataSource dataSource, LedgerProperties properties, NoteKeys.Signer signer, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.nodes = new LedgerNodes(jdbc);
        this.properties = properties;
        this.signer = signer;
        this.clock = clock;
        this.gaps = new Gaps(properties.gapSettle().toNanos(), properties.gapTimeout().toNanos(),
                Duration.ofMinutes(30).toNanos());
    }

    /** One round: appends the events that became visible and may sign a checkpoint. */
    public synchronized Round write() {
        MerkleTree.CompactRange[] after = new MerkleTree.CompactRange[1];
        long[] newHead = new long[1];
        try {
            Round round = transactions.execute(status -> round(after, newHead));
            if (round.leader()) {
                tree = after[0];
                head = newHead[0];
            }
            lastRoundAt = clock.instant();
            return round;
        } catch (RuntimeException failed) {
            tree = null;
            throw failed;
        }
    }

    /** When the last round ended without failing. */
    public Instant lastRoundAt() {
        return lastRoundAt;
    }

    private Round round(MerkleTree.CompactRange[] after, long[] newHead) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return new Round(false, 0, -1, false);
        }
        long now = System.nanoTime();
        long size = jdbc.queryForObject("SELECT coalesce(max(log_index) + 1, 0) FROM ledger_leaf", Long.class);
        MerkleTree.CompactRange range;
        long high;
        if (tree != null && tree.size() == size) {
            range = new MerkleTree.CompactRange(size, tree.border());
            high = head;
        } else {
            range = size == 0 ? new MerkleTree.CompactRange() : new MerkleTree.CompactRange(size,
                    border(size));
            high = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM ledger_leaf", Long.class);
            gaps.reset(jdbc.queryForList("""
                    SELECT g FROM generate_series(greatest(?::bigint - 10000, 0), ?::bigint) g
                    WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf WHERE global_index = g)""", Long.class, high, high), now);
        }
        gaps.observe(Gaps.Snapshot.parse(jdbc.queryForObject("SELECT pg_current_snapshot()::text", String.class)),
                now);

        List<Stored> visible = new ArrayList<>();
        // Closed holes are looked at every tenth round: an event filling one that late is rare.
        List<Long> watched = ++rounds % 10 != 0 ? List.of()
                : gaps.watched().stream().filter(hole -> hole <= high).toList();
        if (!watched.isEmpty()) {
            jdbc.query(EVENTS + " WHERE globalindex = ANY(?) ORDER BY globalindex",
                    (ResultSet row) -> {
                        visible.add(new Stored(row.getLong("globalindex"), EventColumns.of(row)));
                    }, (Object) watched.toArray(Long[]::new));
        }
        long expected = high + 1;
        List<Stored> next = jdbc.query(EVENTS + " WHERE globalindex > ? ORDER BY globalindex LIMIT ?",
                (row, n) -> new Stored(row.getLong("globalindex"), EventColumns.of(row)), high,
                properties.batchSize());
        walk:
        for (Stored event : next) {
            for (long hole = expected; hole < event.globalIndex(); hole++) {
                if (gaps.blocks(hole, now)) {
                    break walk;
                }
            }
            visible.add(event);
            expected = event.globalIndex() + 1;
        }
        long appendedHigh = visible.stream().mapToLong(Stored::globalIndex).max().orElse(high);
        append(visible, range);
        after[0] = range;
        newHead[0] = Math.max(high, appendedHigh);
        boolean signed = maybeSign(range);
        return new Round(true, visible.size(), range.size(), signed);
    }

    private List<byte[]> border(long size) {
        List<Subtree> border = Subtree.covering(0, size);
        Map<Subtree, byte[]> stored = nodes.fetch(border);
        return border.stream().map(subtree -> {
            byte[] hash = stored.get(subtree);
            if (hash == null) {
                throw new ForkException("the ledger has " + size + " leaves but no node " + subtree);
            }
            return hash;
        }).toList();
    }

    private void append(List<Stored> events, MerkleTree.CompactRange range) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Previous> previous = previousLeaves(events.stream()
                .map(e -> e.columns().aggregateIdentifier()).distinct().toList());
        List<Object[]> leaves = new ArrayList<>(events.size());
        List<Object[]> hashes = new ArrayList<>(events.size() * 2);
        for (Stored event : events) {
            EventColumns columns = event.columns();
            Previous before = previous.get(columns.aggregateIdentifier());
            byte[] leafHash = columns.leaf(before == null ? null : before.leafHash()).leafHash();
            long logIndex = range.size();
            List<byte[]> completed = range.append(leafHash);
            for (int level = 0; level < completed.size(); level++) {
                hashes.add(new Object[] {level, logIndex >> level, completed.get(level)});
            }
            leaves.add(new Object[] {logIndex, event.globalIndex(), columns.eventIdentifier(),
                    columns.aggregateIdentifier(), before == null ? null : before.logIndex()});
            previous.put(columns.aggregateIdentifier(), new Previous(logIndex, leafHash));
            gaps.filled(event.globalIndex());
        }
        jdbc.batchUpdate("""
                INSERT INTO ledger_leaf (log_index, global_index, event_identifier, aggregate_identifier,
                                         previous_log_index) VALUES (?, ?, ?, ?, ?)""", leaves);
        nodes.insert(hashes);
    }

    private Map<String, Previous> previousLeaves(List<String> aggregates) {
        Map<String, Previous> previous = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (l.aggregate_identifier) l.aggregate_identifier, l.log_index, n.hash
                FROM ledger_leaf l JOIN ledger_node n ON n.level = 0 AND n.idx = l.log_index
                WHERE l.aggregate_identifier = ANY(?)
                ORDER BY l.aggregate_identifier, l.log_index DESC""",
                (ResultSet row) -> {
                    previous.put(row.getString(1), new Previous(row.getLong(2), row.getBytes(3)));
                }, (Object) aggregates.toArray(String[]::new));
        return previous;
    }

    private boolean maybeSign(MerkleTree.CompactRange range) {
        if (signer == null) {
            return false;
        }
        LedgerCheckpoints.Stored last = LedgerCheckpoints.latest(jdbc);
        Instant now = clock.instant();
        boolean due = last == null
                || range.size() > last.treeSize() && !now.isBefore(last.signedAt().plus(properties.checkpointInterval()))
                || !now.isBefore(last.signedAt().plus(properties.heartbeat()));
        if (!due) {
            return false;
        }
        byte[] root = range.root();
        if (last != null) {
            requireConsistent(last, range.size(), root);
        }
        try {
            String note = signer.sign(new Checkpoint(properties.origin(), range.size(), root).text()).format();
            jdbc.update("INSERT INTO ledger_checkpoint (tree_size, root_hash, note) VALUES (?, ?, ?)",
                    range.size(), root, note);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        return true;
    }

    /** A log must never sign a checkpoint inconsistent with one it signed (c2sp.org/tlog-checkpoint). */
    private void requireConsistent(LedgerCheckpoints.Stored last, long size, byte[] root) {
        long first = last.treeSize();
        if (first > size) {
            throw new ForkException("the ledger has " + size + " leaves, fewer than the " + first
                    + " of the last checkpoint");
        }
        if (!MessageDigest.isEqual(nodes.root(first), last.rootHash())) {
            throw new ForkException("the stored tree's first " + first
                    + " leaves no longer hash to the last checkpoint's root");
        }
        if (first == 0) {
            return;
        }
        List<byte[]> proof = nodes.hashes(List.of(Proofs.consistency(first, size))).get(0);
        try {
            Proofs.verifyConsistency(first, size, last.rootHash(), root, proof);
        } catch (Proofs.InvalidProofException fork) {
            throw new ForkException("the tree of " + size + " leaves does not extend the last checkpoint of "
                    + first + ": " + fork.getMessage());
        }
    }
}
