package org.isrcregistry.core.recording;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A SHA-256 of the master's audio, supplied by the registrant, as 64 lower-case hex digits. Equal
 * fingerprints mean unchanged audio, which must keep its ISRC.
 */
public record AudioFingerprint(@JsonValue String sha256) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public AudioFingerprint {
        if (sha256 == null) {
            throw new IllegalArgumentException("audio fingerprint is required");
        }
        sha256 = sha256.strip().toLowerCase(Locale.ROOT);
        if (!SHA_256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("audio fingerprint must be a SHA-256 as 64 hex digits");
        }
    }

    @JsonCreator
    public static AudioFingerprint of(String sha256) {
        return new AudioFingerprint(sha256);
    }
}
