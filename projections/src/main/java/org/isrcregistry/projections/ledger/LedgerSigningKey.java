package org.isrcregistry.projections.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.isrcregistry.ledger.NoteKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the checkpoints' signing key comes from: {@code registry.ledger.signing-key}; else, on the embedded defaults,
 * {@code <data-dir>/ledger-signing-key} (generated at the first start, readable by its owner only), or a key of the
 * process's own for throw-away instances. The secret is never logged; the verifier key is.
 */
final class LedgerSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LedgerSigningKey.class);
    static final String FILE = "ledger-signing-key";

    private LedgerSigningKey() {
    }

    /**
     * @param dataDir null: not on the embedded defaults; {@code persistent} false: a throw-away instance
     * @return null when there is no key: the ledger then appends leaves and signs nothing
     */
    static NoteKeys.Signer resolve(LedgerProperties properties, Path dataDir, boolean persistent) {
        try {
            NoteKeys.Signer signer;
            if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
                signer = NoteKeys.Signer.parse(properties.signingKey());
            } else if (dataDir == null) {
                log.warn("No registry.ledger.signing-key: the ledger records every event but signs no checkpoint");
                return null;
            } else if (!persistent) {
                signer = NoteKeys.Signer.generate(properties.origin());
            } else {
                signer = fromFile(dataDir.resolve(FILE), properties.origin());
            }
            if (!signer.name().equals(properties.origin())) {
                throw new IllegalStateException("The ledger's signing key is named " + signer.name()
                        + " but registry.ledger.origin is " + properties.origin() + "; a checkpoint's key is named"
                        + " after its origin");
            }
            log.info("Ledger checkpoints are signed for {}; verifier key {}", properties.origin(),
                    signer.verifier().format());
            return signer;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The ledger's signing key is unusable: " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException("registry.ledger.signing-key is malformed: " + malformed.getMessage());
        }
    }

    private static NoteKeys.Signer fromFile(Path file, String origin) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return NoteKeys.Signer.parse(Files.readString(file, StandardCharsets.US_ASCII));
            }
            NoteKeys.Signer signer = NoteKeys.Signer.generate(origin);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, signer.format() + "\n", StandardCharsets.US_ASCII);
            log.info("Generated the ledger's signing key into {}", file);
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("The ledger's signing key file " + file + " cannot be used", e);
        }
    }
}
