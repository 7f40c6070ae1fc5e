package org.isrcregistry.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Inclusion and consistency proofs of RFC 9162: which subtree hashes a proof consists of (§2.1.3.1, §2.1.4.1), and
 * their verification (§2.1.3.2, §2.1.4.2). A proof is the list of the Merkle Tree Hashes of leaf ranges; a log
 * computes each from its stored {@link Subtree}s.
 */
public final class Proofs {

    /** The leaves {@code [start, end)}: one hash of a proof. */
    public record Range(long start, long end) {
    }

    /** A proof that does not hold, with the reason. */
    public static final class InvalidProofException extends Exception {

        public InvalidProofException(String message) {
            super(message);
        }
    }

    private Proofs() {
    }

    /** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the ranges whose hashes prove leaf {@code index} in a tree of {@code size}. */
    public static List<Range> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<Range> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    private static void path(long m, long start, long end, List<Range> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleTree.split(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(new Range(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(new Range(start, start + k));
        }
    }

    /** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: empty when {@code first} is 0 or equals {@code second}. */
    public static List<Range> consistency(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second + " leaves");
        }
        List<Range> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(long m, long start, long end, boolean complete, List<Range> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(new Range(start, end));
            }
            return;
        }
        long k = MerkleTree.split(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, proof);
            proof.add(new Range(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(new Range(start, start + k));
        }
    }

    /** RFC 9162 §2.1.3.2. */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InvalidProofException {
        if (index < 0 || index >= size) {
            throw new InvalidProofException("leaf index " + index + " is not below the tree size " + size);
        }
        requireHashes(proof);
        requireHashes(List.of(leafHash, root));
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new InvalidProofException("the proof is longer than the tree is high");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the proof is shorter than the tree is high");
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new InvalidProofException("the proof leads to another root hash");
        }
    }

    /**
     * RFC 9162 §2.1.4.2. As in transparency-dev/merkle, a proof from the empty tree is refused as meaningless (every tree
     * extends it), and trees of equal size are consistent when their roots are equal and the proof is empty.
     */
    public static void verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                         List<byte[]> proof) throws InvalidProofException {
        if (first < 0 || second < first) {
            throw new InvalidProofException("a tree of " + second + " leaves cannot extend one of " + first);
        }
        if (first == 0) {
            throw new InvalidProofException("a consistency proof from the empty tree is meaningless");
        }
        if (first == second) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("trees of equal size need an empty proof");
            }
            if (!MessageDigest.isEqual(firstRoot, secondRoot)) {
                throw new InvalidProofException("two trees of " + first + " leaves with different root hashes");
            }
            return;
        }
        requireHashes(proof);
        requireHashes(List.of(firstRoot, secondRoot));
        if (proof.isEmpty()) {
            throw new InvalidProofException("the proof is empty");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new InvalidProofException("the proof is longer than the tree is high");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the proof is shorter than the tree is high");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            throw new InvalidProofException("the proof does not lead to the first tree's root hash");
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            throw new InvalidProofException("the proof does not lead to the second tree's root hash");
        }
    }

    private static void requireHashes(List<byte[]> proof) throws InvalidProofException {
        for (byte[] hash : proof) {
            if (hash == null || hash.length != MerkleTree.HASH_SIZE) {
                throw new InvalidProofException("a hash is not " + MerkleTree.HASH_SIZE + " bytes");
            }
        }
    }
}
