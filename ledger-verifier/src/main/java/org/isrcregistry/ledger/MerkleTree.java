package org.isrcregistry.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle Tree Hash of RFC 9162 §2.1.1 with SHA-256: a leaf is {@code SHA-256(0x00 || leaf)}, an inner node
 * {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256()}, and a tree of n leaves splits at the largest
 * power of two smaller than n.
 */
public final class MerkleTree {

    public static final int HASH_SIZE = 32;

    private MerkleTree() {
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The largest power of two smaller than {@code n} (n at least 2): where RFC 9162 splits a tree of n leaves. */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** The root of the tree whose leaf hashes are given, in memory (tests, small trees). */
    public static byte[] root(List<byte[]> leafHashes) {
        CompactRange range = new CompactRange();
        leafHashes.forEach(range::append);
        return range.root();
    }

    /**
     * A tree's right border: the roots of its maximal complete subtrees, largest first. Appending a leaf merges equal
     * subtrees, so a tree of any size is hashed in memory proportional to its height, leaf by leaf.
     */
    public static final class CompactRange {

        private final List<byte[]> subtrees = new ArrayList<>();
        private long size;

        public CompactRange() {
        }

        /** Resumes a tree of {@code size} leaves from its border (the hashes of its aligned maximal subtrees). */
        public CompactRange(long size, List<byte[]> border) {
            if (Long.bitCount(size) != border.size()) {
                throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                        + " border subtrees, not " + border.size());
            }
            this.size = size;
            this.subtrees.addAll(border);
        }

        /**
         * Appends one leaf hash.
         *
         * @return the hashes of the complete subtrees this leaf completed, smallest first (the leaf itself first):
         *         the nodes a store keeps so that proofs need no leaves
         */
        public List<byte[]> append(byte[] leafHash) {
            List<byte[]> completed = new ArrayList<>();
            byte[] hash = leafHash;
            completed.add(hash);
            long index = size;
            while ((index & 1) == 1) {
                hash = nodeHash(subtrees.remove(subtrees.size() - 1), hash);
                completed.add(hash);
                index >>>= 1;
            }
            subtrees.add(hash);
            size++;
            return completed;
        }

        public long size() {
            return size;
        }

        /** The border, largest subtree first. */
        public List<byte[]> border() {
            return List.copyOf(subtrees);
        }

        public byte[] root() {
            if (subtrees.isEmpty()) {
                return emptyRoot();
            }
            byte[] hash = subtrees.get(subtrees.size() - 1);
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                hash = nodeHash(subtrees.get(i), hash);
            }
            return hash;
        }
    }
}
