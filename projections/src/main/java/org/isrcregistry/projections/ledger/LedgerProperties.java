package org.isrcregistry.projections.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit ledger (docs/ledger.md).
 *
 * @param origin             the checkpoints' origin line and the signing key's name: the agency's domain, then
 *                           {@code /isrc-ledger/v1}
 * @param signingKey         the Ed25519 signing key as {@code PRIVATE+KEY+<origin>+<key ID>+<base64>}, a secret; blank
 *                           on the embedded defaults: generated into {@code <data-dir>/ledger-signing-key}
 * @param pollInterval       how often the ledger writer looks for new events
 * @param batchSize          at most this many leaves per round of the writer
 * @param gapSettle          a gap in the event store's global index is waited on at least this long before the
 *                           transactions then running are asked whether one of them can still fill it
 * @param gapTimeout         a gap no transaction has filled after this long is passed over (an event that fills it
 *                           later is still appended, when it becomes visible)
 * @param checkpointInterval new leaves are checkpointed at most this often
 * @param heartbeat          a checkpoint is signed at least this often, new leaves or not
 */
@ConfigurationProperties("registry.ledger")
public record LedgerProperties(
        @DefaultValue("isrc-registry.example/isrc-ledger/v1") String origin,
        String signingKey,
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("5000") int batchSize,
        @DefaultValue("200ms") Duration gapSettle,
        @DefaultValue("10s") Duration gapTimeout,
        @DefaultValue("1s") Duration checkpointInterval,
        @DefaultValue("5m") Duration heartbeat) {

    @Override
    public String toString() {
        return "LedgerProperties[origin=" + origin + ", signingKey=" + (signingKey == null ? "none" : "(secret)") + "]";
    }
}
