package org.isrcregistry.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note (c2sp.org/signed-note@v1.0.0): a text ending in a newline, a blank line, and one or more lines
 * {@code — <key name> base64(key ID || signature)}. The text is what is signed.
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** At most this many signatures are read (the spec asks verifiers to accept at least 16). */
    public static final int MAX_SIGNATURES = 64;

    private static final String DASH = "\u2014 ";

    /** One signature line: the key name, and the key ID followed by the signature proper. */
    public record Signature(String keyName, int keyId, byte[] signature) {

        String line() {
            byte[] bytes = new byte[4 + signature.length];
            bytes[0] = (byte) (keyId >>> 24);
            bytes[1] = (byte) (keyId >>> 16);
            bytes[2] = (byte) (keyId >>> 8);
            bytes[3] = (byte) keyId;
            System.arraycopy(signature, 0, bytes, 4, signature.length);
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    /** Parses a note; refuses one that is not well formed. Nothing is verified here: see {@link NoteVerifier}. */
    public static SignedNote parse(String note) {
        if (note.isEmpty() || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("a signed note holds no control characters but newlines");
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        List<Signature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new IllegalArgumentException("more than " + MAX_SIGNATURES + " signatures");
            }
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space");
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[0].contains("+")) {
                throw new IllegalArgumentException("a signature line is '\u2014 <key name> <base64>'");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("a signature is not base64");
            }
            if (bytes.length < 5) {
                throw new IllegalArgumentException("a signature is shorter than its key ID");
            }
            int keyId = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8)
                    | (bytes[3] & 0xff);
            byte[] signature = new byte[bytes.length - 4];
            System.arraycopy(bytes, 4, signature, 0, signature.length);
            signatures.add(new Signature(parts[0], keyId, signature));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        return new SignedNote(text, signatures);
    }

    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
