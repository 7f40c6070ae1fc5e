package org.isrcregistry.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The ledger's export, version 1 (docs/ledger.md): a header line {@value #HEADER}, then one line per leaf in log order,
 * five fields separated by a space:
 *
 * <pre>
 * &lt;log index&gt; &lt;global index&gt; &lt;base64 leaf encoding&gt; &lt;base64 payload or -&gt; &lt;base64 metadata or -&gt;
 * </pre>
 *
 * The payload and metadata are the stored bytes (a {@code -} for an absent metadata column, or for a payload that was
 * erased: its digest in the leaf still counts). Checked against a signed checkpoint by {@link #verify}.
 */
public final class LedgerExport {

    public static final String HEADER = "isrc-registry-ledger-export v1";

    private LedgerExport() {
    }

    /** Writes one leaf's line. */
    public static void writeLine(Writer out, long logIndex, long globalIndex, byte[] leaf, byte[] payload,
                                 byte[] metadata) throws IOException {
        Base64.Encoder base64 = Base64.getEncoder();
        out.write(Long.toString(logIndex));
        out.write(' ');
        out.write(Long.toString(globalIndex));
        out.write(' ');
        out.write(base64.encodeToString(leaf));
        out.write(' ');
        out.write(payload == null ? "-" : base64.encodeToString(payload));
        out.write(' ');
        out.write(metadata == null ? "-" : base64.encodeToString(metadata));
        out.write('\n');
    }

    /**
     * The outcome of checking an export.
     *
     * @param leaves       the leaves read
     * @param firstInvalid the log index of the first leaf at fault, or -1
     * @param problem      what is wrong, or null
     */
    public record Result(long leaves, long firstInvalid, String problem) {

        public boolean valid() {
            return problem == null;
        }

        static Result invalid(long leaves, long index, String problem) {
            return new Result(leaves, index, problem);
        }
    }

    /**
     * Recomputes every leaf of the export (the payload's and metadata's digests, the chain of each aggregate's leaves)
     * and the tree, and compares the root at the checkpoint's size with the checkpoint's. The export must start at log
     * index 0 and reach at least the checkpoint's size. Memory grows with the number of aggregates, not of events.
     */
    public static Result verify(BufferedReader export, Checkpoint checkpoint) throws IOException {
        String header = export.readLine();
        if (!HEADER.equals(header)) {
            return Result.invalid(0, -1, "the export does not start with '" + HEADER + "'");
        }
        MerkleTree.CompactRange tree = new MerkleTree.CompactRange();
        Map<String, byte[]> lastOfAggregate = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        long index = 0;
        byte[] rootAtCheckpoint = checkpoint.size() == 0 ? tree.root() : null;
        for (String line = export.readLine(); line != null && !line.isEmpty(); line = export.readLine()) {
            String[] fields = line.split(" ", -1);
            if (fields.length != 5) {
                return Result.invalid(index, index, "line " + (index + 2) + " has " + fields.length + " fields, not 5");
            }
            if (Long.parseLong(fields[0]) != index) {
                return Result.invalid(index, index, "log index " + fields[0] + " where " + index + " was due");
            }
            byte[] encoded = Base64.getDecoder().decode(fields[2]);
            EventLeaf leaf;
            try {
                leaf = EventLeaf.decode(encoded);
            } catch (IllegalArgumentException malformed) {
                return Result.invalid(index, index, "the leaf is malformed: " + malformed.getMessage());
            }
            String problem = contentProblem(leaf, fields[3], fields[4]);
            if (problem == null) {
                byte[] previous = lastOfAggregate.get(leaf.aggregateIdentifier());
                Long previousSequence = lastSequence.get(leaf.aggregateIdentifier());
                if (!Arrays.equals(previous, leaf.previousLeafHash())) {
                    problem = "its previous leaf hash is not the leaf hash of the aggregate's previous event";
                } else if (previousSequence != null && leaf.sequenceNumber() <= previousSequence) {
                    problem = "its sequence number does not follow the aggregate's previous event's";
                }
            }
            if (problem != null) {
                return Result.invalid(index, index, "event " + leaf.eventIdentifier() + ": " + problem);
            }
            byte[] leafHash = MerkleTree.leafHash(encoded);
            lastOfAggregate.put(leaf.aggregateIdentifier(), leafHash);
            lastSequence.put(leaf.aggregateIdentifier(), leaf.sequenceNumber());
            tree.append(leafHash);
            index++;
            if (index == checkpoint.size()) {
                rootAtCheckpoint = tree.root();
            }
        }
        if (rootAtCheckpoint == null) {
            return Result.invalid(index, index, "the export ends at " + index + " leaves, before the checkpoint's "
                    + checkpoint.size());
        }
        if (!MessageDigest.isEqual(rootAtCheckpoint, checkpoint.rootHash())) {
            return Result.invalid(index, -1, "the first " + checkpoint.size()
                    + " leaves do not hash to the checkpoint's root");
        }
        return new Result(index, -1, null);
    }

    private static String contentProblem(EventLeaf leaf, String payload, String metadata) {
        if (!payload.equals("-") && !MessageDigest.isEqual(
                MerkleTree.sha256().digest(Base64.getDecoder().decode(payload)), leaf.payloadSha256())) {
            return "its payload does not match the leaf's digest";
        }
        if (metadata.equals("-")) {
            return null;
        }
        byte[] digest = MerkleTree.sha256().digest(Base64.getDecoder().decode(metadata));
        return leaf.metadataSha256() != null && MessageDigest.isEqual(digest, leaf.metadataSha256()) ? null
                : "its metadata does not match the leaf's digest";
    }
}
