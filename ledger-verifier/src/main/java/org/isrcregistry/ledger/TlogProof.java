package org.isrcregistry.ledger;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-proof (c2sp.org/tlog-proof@v1): an inclusion proof with the signed checkpoint it leads to. This log puts
 * the leaf's encoding ({@link EventLeaf}) in the {@code extra} line, so a proof alone says which event it proves.
 */
public record TlogProof(byte[] extra, long index, List<byte[]> hashes, String checkpointNote) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";
    private static final Pattern INDEX = Pattern.compile("index (0|[1-9][0-9]{0,18})");

    public TlogProof {
        hashes = List.copyOf(hashes);
    }

    public String format() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            out.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
        }
        out.append("index ").append(index).append('\n');
        hashes.forEach(hash -> out.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return out.append('\n').append(checkpointNote).toString();
    }

    public static TlogProof parse(String proof) {
        int blank = proof.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("a tlog proof has a blank line before its checkpoint");
        }
        String[] lines = proof.substring(0, blank).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("a tlog proof starts with " + HEADER);
        }
        int next = 1;
        byte[] extra = null;
        if (next < lines.length && lines[next].startsWith("extra ")) {
            extra = Base64.getDecoder().decode(lines[next++].substring("extra ".length()));
        }
        if (next >= lines.length || !INDEX.matcher(lines[next]).matches()) {
            throw new IllegalArgumentException("a tlog proof names its index: 'index <decimal>'");
        }
        long index = Long.parseLong(lines[next++].substring("index ".length()));
        List<byte[]> hashes = new ArrayList<>();
        for (; next < lines.length; next++) {
            hashes.add(Base64.getDecoder().decode(lines[next]));
        }
        return new TlogProof(extra, index, hashes, proof.substring(blank + 2));
    }

    /**
     * Verifies the proof for a leaf hash against the log's key: the checkpoint's signature and origin, then the
     * inclusion of the leaf at {@link #index()} in the checkpoint's tree.
     *
     * @return the checkpoint the leaf is included in
     */
    public Checkpoint verify(byte[] leafHash, NoteKeys.Verifier key) throws Proofs.InvalidProofException {
        Checkpoint checkpoint = Checkpoint.verified(checkpointNote, key);
        Proofs.verifyInclusion(index, checkpoint.size(), leafHash, hashes, checkpoint.rootHash());
        return checkpoint;
    }
}
