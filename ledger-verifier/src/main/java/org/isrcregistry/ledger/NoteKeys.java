package org.isrcregistry.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys of signed notes, with the JDK's own Ed25519. A verifier key is
 * {@code <name>+<hex key ID>+base64(0x01 || 32-byte public key)} (c2sp.org/signed-note); a signing key is written as Go's
 * note package writes it, {@code PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || 32-byte seed)}, and is a secret.
 */
public final class NoteKeys {

    public static final byte ED25519 = 0x01;
    private static final String PRIVATE = "PRIVATE+KEY+";
    /** The DER prefix of an Ed25519 public key in X.509 form; the 32 raw bytes follow. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private NoteKeys() {
    }

    /** {@code SHA-256(name || 0x0A || 0x01 || public key)[:4]}, big-endian. */
    public static int keyId(String name, byte[] publicKey) {
        MessageDigest digest = MerkleTree.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        return ByteBuffer.wrap(digest.digest(publicKey)).getInt();
    }

    static void requireName(String name) {
        if (name == null || name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a key name is not empty and has no spaces or '+'");
        }
    }

    /** A key that verifies notes. */
    public record Verifier(String name, int keyId, byte[] publicKey) {

        public Verifier {
            requireName(name);
            if (publicKey.length != 32) {
                throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
            }
            if (keyId != NoteKeys.keyId(name, publicKey)) {
                throw new IllegalArgumentException("the key ID does not match the key's name and public key");
            }
        }

        /** Parses {@code name+keyid+base64}. */
        public static Verifier parse(String vkey) {
            String[] parts = vkey.strip().split("\\+", 3);
            if (parts.length != 3 || parts[1].length() != 8) {
                throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64>");
            }
            byte[] key = Base64.getDecoder().decode(parts[2]);
            if (key.length != 33 || key[0] != ED25519) {
                throw new IllegalArgumentException("the verifier key is not an Ed25519 key (type 0x01, 32 bytes)");
            }
            return new Verifier(parts[0], (int) Long.parseLong(parts[1], 16), Arrays.copyOfRange(key, 1, 33));
        }

        public String format() {
            byte[] key = new byte[33];
            key[0] = ED25519;
            System.arraycopy(publicKey, 0, key, 1, 32);
            return name + "+" + HexFormat.of().toHexDigits(keyId) + "+" + Base64.getEncoder().encodeToString(key);
        }

        /** True if one of the note's signatures is this key's and verifies; false if none is this key's. */
        public boolean verifies(SignedNote note) throws GeneralSecurityException {
            boolean verified = false;
            for (SignedNote.Signature signature : note.signatures()) {
                if (signature.keyName().equals(name) && signature.keyId() == keyId) {
                    Signature ed25519 = Signature.getInstance("Ed25519");
                    ed25519.initVerify(jcaKey());
                    ed25519.update(note.textBytes());
                    if (!ed25519.verify(signature.signature())) {
                        return false;
                    }
                    verified = true;
                }
            }
            return verified;
        }

        private PublicKey jcaKey() throws GeneralSecurityException {
            byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, der, X509_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    /** A key that signs notes. Its {@link #toString()} never shows the secret. */
    public static final class Signer {

        private final String name;
        private final byte[] seed;
        private final PrivateKey privateKey;
        private final Verifier verifier;

        private Signer(String name, byte[] seed) throws GeneralSecurityException {
            requireName(name);
            this.name = name;
            this.seed = seed.clone();
            KeyPair pair = fromSeed(seed);
            this.privateKey = pair.getPrivate();
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] publicKey = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            this.verifier = new Verifier(name, keyId(name, publicKey), publicKey);
        }

        /** A new random key. */
        public static Signer generate(String name) throws GeneralSecurityException {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            return new Signer(name, Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length));
        }

        /** Parses {@code PRIVATE+KEY+name+keyid+base64(0x01 || seed)}. */
        public static Signer parse(String skey) throws GeneralSecurityException {
            String value = skey.strip();
            if (!value.startsWith(PRIVATE)) {
                throw new IllegalArgumentException("a signing key starts with PRIVATE+KEY+");
            }
            String[] parts = value.substring(PRIVATE.length()).split("\\+", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a signing key is PRIVATE+KEY+<name>+<key ID>+<base64>");
            }
            byte[] key = Base64.getDecoder().decode(parts[2]);
            if (key.length != 33 || key[0] != ED25519) {
                throw new IllegalArgumentException("the signing key is not an Ed25519 key (type 0x01, 32 bytes)");
            }
            Signer signer = new Signer(parts[0], Arrays.copyOfRange(key, 1, 33));
            if (signer.verifier.keyId() != (int) Long.parseLong(parts[1], 16)) {
                throw new IllegalArgumentException("the signing key's ID does not match its name and key");
            }
            return signer;
        }

        /** The secret form, for the key file: never log it. */
        public String format() {
            byte[] key = new byte[33];
            key[0] = ED25519;
            System.arraycopy(seed, 0, key, 1, 32);
            return PRIVATE + name + "+" + HexFormat.of().toHexDigits(verifier.keyId()) + "+"
                    + Base64.getEncoder().encodeToString(key);
        }

        public String name() {
            return name;
        }

        public Verifier verifier() {
            return verifier;
        }

        /** Signs {@code text} (which must end in a newline) as a note with this key's one signature. */
        public SignedNote sign(String text) throws GeneralSecurityException {
            if (!text.endsWith("\n")) {
                throw new IllegalArgumentException("a note's text ends with a newline");
            }
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return new SignedNote(text, java.util.List.of(
                    new SignedNote.Signature(name, verifier.keyId(), ed25519.sign())));
        }

        @Override
        public String toString() {
            return "Signer[" + verifier.format() + "]";
        }

        /**
         * The JDK derives no public key from an Ed25519 private key, but its key pair generator draws exactly the
         * 32-byte seed from its random source (RFC 8032 §5.1.5): given the seed as that source, it yields the pair.
         */
        private static KeyPair fromSeed(byte[] seed) throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    if (bytes.length != seed.length) {
                        throw new IllegalStateException("Ed25519 draws a seed of " + bytes.length + " bytes");
                    }
                    System.arraycopy(seed, 0, bytes, 0, seed.length);
                }
            });
            KeyPair pair = generator.generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            if (!Arrays.equals(Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length), seed)) {
                throw new IllegalStateException("the Ed25519 key pair generator did not use the given seed");
            }
            return pair;
        }
    }
}
