package org.isrcregistry.projections.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.isrcregistry.ledger.Proofs;
import org.isrcregistry.ledger.Subtree;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stored hashes of the tree's complete subtrees (table ledger_node), and proofs made of them. */
final class LedgerNodes {

    private final JdbcTemplate jdbc;

    LedgerNodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<Object[]> levelIndexHash) {
        jdbc.batchUpdate("INSERT INTO ledger_node (level, idx, hash) VALUES (?, ?, ?)", levelIndexHash);
    }

    /** The stored hashes of these subtrees, in one query. */
    Map<Subtree, byte[]> fetch(Collection<Subtree> subtrees) {
        Map<Subtree, byte[]> hashes = new HashMap<>();
        if (subtrees.isEmpty()) {
            return hashes;
        }
        // Only numbers this class computed go into the statement.
        String pairs = new LinkedHashSet<>(subtrees).stream()
                .map(s -> "(" + s.level() + "," + s.index() + ")").collect(Collectors.joining(","));
        jdbc.query("SELECT level, idx, hash FROM ledger_node WHERE (level, idx) IN (" + pairs + ")",
                row -> {
                    hashes.put(new Subtree(row.getInt(1), row.getLong(2)), row.getBytes(3));
                });
        return hashes;
    }

    /** The hashes of the ranges of one or more proofs, read in one query. */
    List<List<byte[]>> hashes(List<List<Proofs.Range>> proofs) {
        List<Subtree> needed = proofs.stream().flatMap(List::stream)
                .flatMap(r -> Subtree.covering(r.start(), r.end()).stream()).toList();
        Map<Subtree, byte[]> stored = fetch(needed);
        return proofs.stream()
                .map(proof -> proof.stream().map(r -> Subtree.hash(r.start(), r.end(), stored)).toList())
                .toList();
    }

    /** The root hash of the first {@code size} leaves, from the stored subtrees. */
    byte[] root(long size) {
        if (size == 0) {
            return org.isrcregistry.ledger.MerkleTree.emptyRoot();
        }
        return Subtree.hash(0, size, fetch(Subtree.covering(0, size)));
    }
}
