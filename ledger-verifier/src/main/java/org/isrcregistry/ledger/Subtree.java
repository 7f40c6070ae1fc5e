package org.isrcregistry.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A complete, aligned subtree of the log: level {@code level} above the leaves, covering the leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}. Level 0 is a leaf. A log that stores these for every complete
 * subtree can answer any proof without reading its leaves.
 */
public record Subtree(int level, long index) {

    public long start() {
        return index << level;
    }

    public long end() {
        return (index + 1) << level;
    }

    /**
     * The aligned subtrees whose hashes make up the Merkle Tree Hash of the leaves {@code [start, end)}, in the order
     * {@link #hash(long, long, Map)} combines them (RFC 9162's recursive split).
     */
    public static List<Subtree> covering(long start, long end) {
        List<Subtree> out = new ArrayList<>();
        cover(start, end, out);
        return out;
    }

    private static void cover(long start, long end, List<Subtree> out) {
        long n = end - start;
        if (n <= 0) {
            throw new IllegalArgumentException("an empty range has no subtrees");
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            out.add(new Subtree(Long.numberOfTrailingZeros(n), start / n));
            return;
        }
        long k = n == 1 ? 1 : MerkleTree.split(n);
        cover(start, start + k, out);
        cover(start + k, end, out);
    }

    /** The Merkle Tree Hash of the leaves {@code [start, end)} from the hashes of its {@link #covering} subtrees. */
    public static byte[] hash(long start, long end, Map<Subtree, byte[]> hashes) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            byte[] hash = hashes.get(new Subtree(Long.numberOfTrailingZeros(n), start / n));
            if (hash == null) {
                throw new IllegalStateException("no hash for the leaves [" + start + ", " + end + ")");
            }
            return hash;
        }
        long k = MerkleTree.split(n);
        return MerkleTree.nodeHash(hash(start, start + k, hashes), hash(start + k, end, hashes));
    }
}
