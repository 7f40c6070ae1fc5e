package org.isrcregistry.projections.ledger;

import java.util.Optional;
import org.isrcregistry.ledger.NoteKeys;

/** The checkpoints' signing key, if the registry has one; its {@code toString} shows the public half only. */
public record LedgerKey(NoteKeys.Signer signer) {

    public Optional<NoteKeys.Verifier> verifier() {
        return Optional.ofNullable(signer).map(NoteKeys.Signer::verifier);
    }
}
