package org.isrcregistry.ledger;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint@v1.0.0): the note text {@code <origin>\n<tree size>\n<base64 root
 * hash>\n}, without extension lines.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        NoteKeys.requireName(origin);
        if (size < 0 || rootHash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException("a checkpoint has a size of 0 or more and a 32-byte root hash");
        }
        rootHash = rootHash.clone();
    }

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Reads a checkpoint's note text; extension lines are refused (this log writes none). */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint is three lines: origin, tree size, root hash");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("the tree size is a decimal without leading zeroes");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the root hash is not base64");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }

    /**
     * The checkpoint of a signed note, once the log's key has verified it.
     *
     * @throws IllegalArgumentException when the note is malformed, is not signed by {@code key}, its signature fails, or
     *                                  its origin is not the key's name
     */
    public static Checkpoint verified(String note, NoteKeys.Verifier key) {
        SignedNote signed = SignedNote.parse(note);
        try {
            if (!key.verifies(signed)) {
                throw new IllegalArgumentException("the checkpoint bears no valid signature of " + key.format());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
        Checkpoint checkpoint = parse(signed.text());
        if (!checkpoint.origin().equals(key.name())) {
            throw new IllegalArgumentException("the checkpoint's origin " + checkpoint.origin()
                    + " is not the key's name " + key.name());
        }
        return checkpoint;
    }
}
