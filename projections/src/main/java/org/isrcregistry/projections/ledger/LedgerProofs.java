package org.isrcregistry.projections.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.isrcregistry.ledger.LedgerExport;
import org.isrcregistry.ledger.Proofs;
import org.isrcregistry.ledger.TlogProof;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the ledger answers anybody: checkpoints, inclusion proofs (per leaf, per event, per aggregate), consistency
 * proofs and the export. Proofs are against the newest checkpoint and made of stored subtree hashes; the leaf in each
 * proof is recomputed from the event as it is stored now, so a changed event yields a proof that fails to verify.
 */
public class LedgerProofs {

    private static final String LEAVES = """
            SELECT l.log_index, l.global_index, l.event_identifier, h.hash AS leaf_hash, p.hash AS previous_hash,
                   e.eventidentifier, e.type, e.aggregateidentifier, e.sequencenumber, e.payloadtype,
                   e.payloadrevision, e.timestamp, e.payload, e.metadata
            FROM ledger_leaf l
            JOIN ledger_node h ON h.level = 0 AND h.idx = l.log_index
            LEFT JOIN ledger_node p ON p.level = 0 AND p.idx = l.previous_log_index
            LEFT JOIN domainevententry e ON e.globalindex = l.global_index
            """;

    /** No checkpoint covers the leaf yet: one is signed within seconds. */
    public static class NotCheckpointedException extends RuntimeException {
        NotCheckpointedException(String message) {
            super(message);
        }
    }

    /**
     * One leaf's inclusion proof against a checkpoint.
     *
     * @param leaf     the leaf's encoding recomputed from the stored event (null if the event is gone)
     * @param leafHash the leaf hash the ledger stored
     */
    public record LeafProof(long logIndex, long globalIndex, String eventIdentifier, byte[] leaf, byte[] leafHash,
                            long treeSize, List<byte[]> proof, String tlogProof) {
    }

    private record Leaf(long logIndex, long globalIndex, String eventIdentifier, byte[] leaf, byte[] leafHash) {

        static Leaf of(ResultSet row) throws SQLException {
            byte[] leaf = row.getString("eventidentifier") == null ? null
                    : LedgerWriter.EventColumns.of(row).leaf(row.getBytes("previous_hash")).encode();
            return new Leaf(row.getLong("log_index"), row.getLong("global_index"), row.getString("event_identifier"),
                    leaf, row.getBytes("leaf_hash"));
        }
    }

    private final JdbcTemplate jdbc;
    private final LedgerNodes nodes;
    private final TransactionTemplate readOnly;

    public LedgerProofs(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.nodes = new LedgerNodes(jdbc);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    public Optional<LedgerCheckpoints.Stored> latestCheckpoint() {
        return Optional.ofNullable(LedgerCheckpoints.latest(jdbc));
    }

    public List<LedgerCheckpoints.Stored> checkpoints(long afterId, int limit) {
        return LedgerCheckpoints.after(jdbc, afterId, limit);
    }

    /** The log index of an event ({@code ce_id} on Kafka), empty until the ledger has it. */
    public Optional<Long> logIndexOf(String eventIdentifier) {
        return jdbc.queryForList("SELECT log_index FROM ledger_leaf WHERE event_identifier = ?", Long.class,
                eventIdentifier).stream().findFirst();
    }

    /** The leaf at {@code logIndex}, proved in the newest checkpoint; empty if the ledger has no such leaf. */
    public Optional<LeafProof> inclusion(long logIndex) {
        List<Leaf> leaves = jdbc.query(LEAVES + "WHERE l.log_index = ?", (row, n) -> Leaf.of(row), logIndex);
        return leaves.isEmpty() ? Optional.empty() : Optional.of(prove(leaves).get(0));
    }

    /** Every leaf of an aggregate (an ISRC's or a prefix's events) the newest checkpoint covers, in log order. */
    public List<LeafProof> ofAggregate(String aggregateIdentifier) {
        LedgerCheckpoints.Stored checkpoint = requireCheckpoint();
        List<Leaf> leaves = jdbc.query(LEAVES + "WHERE l.aggregate_identifier = ? AND l.log_index < ? ORDER BY l.log_index",
                (row, n) -> Leaf.of(row), aggregateIdentifier, checkpoint.treeSize());
        return prove(leaves, checkpoint);
    }

    private List<LeafProof> prove(List<Leaf> leaves) {
        LedgerCheckpoints.Stored checkpoint = requireCheckpoint();
        for (Leaf leaf : leaves) {
            if (leaf.logIndex() >= checkpoint.treeSize()) {
                throw new NotCheckpointedException("leaf " + leaf.logIndex() + " is not in the newest checkpoint ("
                        + checkpoint.treeSize() + " leaves) yet");
            }
        }
        return prove(leaves, checkpoint);
    }

    private List<LeafProof> prove(List<Leaf> leaves, LedgerCheckpoints.Stored checkpoint) {
        List<List<Proofs.Range>> ranges = leaves.stream()
                .map(leaf -> Proofs.inclusion(leaf.logIndex(), checkpoint.treeSize())).toList();
        List<List<byte[]>> hashes = nodes.hashes(ranges);
        List<LeafProof> proofs = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            String tlogProof = new TlogProof(leaf.leaf(), leaf.logIndex(), hashes.get(i), checkpoint.note()).format();
            proofs.add(new LeafProof(leaf.logIndex(), leaf.globalIndex(), leaf.eventIdentifier(), leaf.leaf(),
                    leaf.leafHash(), checkpoint.treeSize(), hashes.get(i), tlogProof));
        }
        return proofs;
    }

    private LedgerCheckpoints.Stored requireCheckpoint() {
        LedgerCheckpoints.Stored checkpoint = LedgerCheckpoints.latest(jdbc);
        if (checkpoint == null) {
            throw new NotCheckpointedException("no checkpoint has been signed yet");
        }
        return checkpoint;
    }

    /**
     * The consistency proof from the tree of {@code first} leaves to the tree of {@code second}, both at most the newest
     * checkpoint's size.
     *
     * @throws IllegalArgumentException when the sizes are not {@code 0 < first <= second <= checkpointed size}
     */
    public List<byte[]> consistency(long first, long second) {
        long checkpointed = requireCheckpoint().treeSize();
        if (first <= 0 || first > second || second > checkpointed) {
            throw new IllegalArgumentException("sizes must satisfy 0 < first <= second <= " + checkpointed
                    + " (the newest checkpoint's size)");
        }
        return nodes.hashes(List.of(Proofs.consistency(first, second))).get(0);
    }

    /**
     * Writes the export (the format of {@link LedgerExport}) of the leaves {@code [from, to)}, streamed from a database
     * cursor in constant memory.
     */
    public void export(long from, long to, Writer out) {
        readOnly.executeWithoutResult(status -> {
            try {
                out.write(LedgerExport.HEADER + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
            cursor.setFetchSize(1_000);
            cursor.query(LEAVES + "WHERE l.log_index >= ? AND l.log_index < ? ORDER BY l.log_index", (ResultSet row) -> {
                Leaf leaf = Leaf.of(row);
                try {
                    LedgerExport.writeLine(out, leaf.logIndex(), leaf.globalIndex(),
                            leaf.leaf() == null ? new byte[0] : leaf.leaf(), row.getBytes("payload"),
                            row.getBytes("metadata"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, from, to);
        });
    }
}
