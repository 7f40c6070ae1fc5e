package org.isrcregistry.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored event as a leaf of the ledger: its columns as the event store holds them, with the payload and metadata
 * replaced by their SHA-256 (so personal data can be erased from an event without breaking the tree), and the leaf
 * hash of the previous event of the same aggregate (so an aggregate's history is a chain inside the log). The binary
 * encoding, version 1, is defined byte by byte in docs/ledger.md:
 *
 * <pre>
 * 0x01                      version
 * string  eventIdentifier
 * opt     string aggregateType
 * string  aggregateIdentifier
 * uint64  sequenceNumber
 * string  payloadType
 * opt     string payloadRevision
 * string  timestamp           (the stored text, unparsed)
 * 32      SHA-256(payload)
 * opt     32 SHA-256(metadata)
 * opt     32 previous leaf hash of the aggregate
 * </pre>
 *
 * where {@code string} is a uint32 byte length and the UTF-8 bytes, {@code opt} a byte 0x00 (absent) or 0x01 followed by
 * the value, and integers are big-endian.
 */
public record EventLeaf(String eventIdentifier, String aggregateType, String aggregateIdentifier,
                        long sequenceNumber, String payloadType, String payloadRevision, String timestamp,
                        byte[] payloadSha256, byte[] metadataSha256, byte[] previousLeafHash) {

    public static final byte VERSION = 1;

    public EventLeaf {
        Objects.requireNonNull(eventIdentifier, "eventIdentifier");
        Objects.requireNonNull(aggregateIdentifier, "aggregateIdentifier");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(timestamp, "timestamp");
        requireDigest(payloadSha256, "payloadSha256", false);
        requireDigest(metadataSha256, "metadataSha256", true);
        requireDigest(previousLeafHash, "previousLeafHash", true);
    }

    /** The leaf of a stored event, from its columns as they are ({@code metadata} may be null). */
    public static EventLeaf of(String eventIdentifier, String aggregateType, String aggregateIdentifier,
                               long sequenceNumber, String payloadType, String payloadRevision, String timestamp,
                               byte[] payload, byte[] metadata, byte[] previousLeafHash) {
        return new EventLeaf(eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber, payloadType,
                payloadRevision, timestamp, MerkleTree.sha256().digest(payload),
                metadata == null ? null : MerkleTree.sha256().digest(metadata), previousLeafHash);
    }

    private static void requireDigest(byte[] digest, String name, boolean optional) {
        if (digest == null ? !optional : digest.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException(name + " must be " + MerkleTree.HASH_SIZE + " bytes");
        }
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(VERSION);
        string(out, eventIdentifier);
        optionalString(out, aggregateType);
        string(out, aggregateIdentifier);
        out.writeBytes(ByteBuffer.allocate(8).putLong(sequenceNumber).array());
        string(out, payloadType);
        optionalString(out, payloadRevision);
        string(out, timestamp);
        out.writeBytes(payloadSha256);
        optionalDigest(out, metadataSha256);
        optionalDigest(out, previousLeafHash);
        return out.toByteArray();
    }

    /** {@code SHA-256(0x00 || encode())}: the leaf's hash in the tree. */
    public byte[] leafHash() {
        return MerkleTree.leafHash(encode());
    }

    /** Reads a version 1 encoding; refuses anything else, trailing bytes included. */
    public static EventLeaf decode(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("leaf encoding version " + version + " is not " + VERSION);
            }
            String eventIdentifier = readString(in);
            String aggregateType = readOptionalString(in);
            String aggregateIdentifier = readString(in);
            long sequenceNumber = in.getLong();
            String payloadType = readString(in);
            String payloadRevision = readOptionalString(in);
            String timestamp = readString(in);
            byte[] payload = bytes(in, MerkleTree.HASH_SIZE);
            byte[] metadata = readOptionalDigest(in);
            byte[] previous = readOptionalDigest(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the leaf");
            }
            return new EventLeaf(eventIdentifier, aggregateType, aggregateIdentifier, sequenceNumber, payloadType,
                    payloadRevision, timestamp, payload, metadata, previous);
        } catch (java.nio.BufferUnderflowException truncated) {
            throw new IllegalArgumentException("the leaf encoding is truncated");
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void string(ByteArrayOutputStream out, String value) {
        byte[] bytes = text(value);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static void optionalString(ByteArrayOutputStream out, String value) {
        out.write(value == null ? 0 : 1);
        if (value != null) {
            string(out, value);
        }
    }

    private static void optionalDigest(ByteArrayOutputStream out, byte[] digest) {
        out.write(digest == null ? 0 : 1);
        if (digest != null) {
            out.writeBytes(digest);
        }
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a string of " + length + " bytes in a leaf of " + in.capacity());
        }
        return new String(bytes(in, length), StandardCharsets.UTF_8);
    }

    private static String readOptionalString(ByteBuffer in) {
        return presence(in) ? readString(in) : null;
    }

    private static byte[] readOptionalDigest(ByteBuffer in) {
        return presence(in) ? bytes(in, MerkleTree.HASH_SIZE) : null;
    }

    private static boolean presence(ByteBuffer in) {
        byte flag = in.get();
        if (flag != 0 && flag != 1) {
            throw new IllegalArgumentException("presence byte " + flag + " is neither 0 nor 1");
        }
        return flag == 1;
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventLeaf leaf && Arrays.equals(encode(), leaf.encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "EventLeaf[" + eventIdentifier + " " + aggregateIdentifier + "#" + sequenceNumber + "]";
    }
}
