package org.isrcregistry.api.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.projections.ledger.LedgerCheckpoints;
import org.isrcregistry.projections.ledger.LedgerKey;
import org.isrcregistry.projections.ledger.LedgerProofs;
import org.isrcregistry.projections.ledger.LedgerVerification;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit ledger over HTTP (docs/ledger.md): signed checkpoints, the verifier key and proofs are public, since anybody
 * may check them; the export (which holds the events' payloads) and the verification are an auditor's.
 */
@RestController
@RequestMapping(LedgerController.PATH)
@Tag(name = "Ledger", description = "A verifiable history: every event in an RFC 9162 Merkle tree, signed checkpoints")
public class LedgerController {

    static final String PATH = "/v1/ledger";
    static final String TEXT = "text/plain;charset=UTF-8";
    private static final Duration VERIFICATION_WAIT = Duration.ofSeconds(10);

    private final LedgerProofs proofs;
    private final LedgerKey key;
    private final LedgerVerification verification;

    LedgerController(LedgerProofs proofs, LedgerKey key, LedgerVerification verification) {
        this.proofs = proofs;
        this.key = key;
        this.verification = verification;
    }

    /** A checkpoint as listed: the signed note is the one to verify, the rest repeats it for convenience. */
    public record CheckpointView(long id, long treeSize, String rootHash, Instant signedAt, String note) {

        static CheckpointView of(LedgerCheckpoints.Stored stored) {
            return new CheckpointView(stored.id(), stored.treeSize(),
                    Base64.getEncoder().encodeToString(stored.rootHash()), stored.signedAt(), stored.note());
        }
    }

    /**
     * One event's inclusion proof. {@code leaf} is the leaf's encoding recomputed from the stored event,
     * {@code leafHash} the hash the ledger stored; {@code tlogProof} is the same proof as a C2SP tlog-proof, with the
     * leaf in its extra line and the signed checkpoint, for {@code java -jar ledger-verifier.jar proof}.
     */
    public record ProofView(long logIndex, long globalIndex, String eventIdentifier, String leaf, String leafHash,
                            long treeSize, List<String> proof, String tlogProof) {

        static ProofView of(LedgerProofs.LeafProof proof) {
            Base64.Encoder base64 = Base64.getEncoder();
            return new ProofView(proof.logIndex(), proof.globalIndex(), proof.eventIdentifier(),
                    proof.leaf() == null ? null : base64.encodeToString(proof.leaf()),
                    base64.encodeToString(proof.leafHash()), proof.treeSize(),
                    proof.proof().stream().map(base64::encodeToString).toList(), proof.tlogProof());
        }
    }

    public record RecordingProofs(String isrc, long treeSize, List<ProofView> events) {
    }

    public record ConsistencyView(long first, long second, List<String> proof) {
    }

    @GetMapping(value = "/checkpoint", produces = TEXT)
    @Operation(summary = "The newest signed checkpoint: a C2SP tlog-checkpoint in a signed note (Ed25519)")
    public String checkpoint() {
        return proofs.latestCheckpoint().map(LedgerCheckpoints.Stored::note).orElseThrow(LedgerController::noCheckpoint);
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Every signed checkpoint, oldest first, in pages")
    public List<CheckpointView> checkpoints(
            @Parameter(description = "only checkpoints with a greater id") @RequestParam(defaultValue = "0") long after,
            @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidFieldException("limit", "limit must be between 1 and 1000", "Ask for 1 to 1000 checkpoints.");
        }
        return proofs.checkpoints(after, limit).stream().map(CheckpointView::of).toList();
    }

    @GetMapping(value = "/key", produces = TEXT)
    @Operation(summary = "The verifier key of the checkpoints' signatures: <name>+<key ID>+<base64> (C2SP signed-note)")
    public String verifierKey() {
        return key.verifier().map(v -> v.format() + "\n").orElseThrow(() -> new ErrorResponseException(
                ProblemType.NOT_FOUND.status(), Problems.of(ProblemType.NOT_FOUND,
                        "This registry signs no checkpoints: it has no signing key.", null,
                        "The operator sets registry.ledger.signing-key (docs/ledger.md)."), null));
    }

    @GetMapping("/leaves/{logIndex}/proof")
    @Operation(summary = "The inclusion proof of the leaf at a log index in the newest checkpoint")
    public ProofView leafProof(@PathVariable long logIndex) {
        return ProofView.of(leaf(logIndex));
    }

    @GetMapping(value = "/leaves/{logIndex}/proof", produces = TEXT)
    @Operation(summary = "The same proof as a C2SP tlog-proof (Accept: text/plain)")
    public String leafTlogProof(@PathVariable long logIndex) {
        return leaf(logIndex).tlogProof();
    }

    private LedgerProofs.LeafProof leaf(long logIndex) {
        if (logIndex < 0) {
            throw new InvalidFieldException("logIndex", "a log index is 0 or more", "Give a log index from 0.");
        }
        return proofs.inclusion(logIndex).orElseThrow(() -> notInLedger("No leaf " + logIndex + " in the ledger yet."));
    }

    @GetMapping("/events/{eventIdentifier}")
    @Operation(summary = "An event's log index and inclusion proof, by its identifier (ce_id on Kafka)")
    public ProofView event(@PathVariable String eventIdentifier) {
        long logIndex = proofs.logIndexOf(eventIdentifier)
                .orElseThrow(() -> notInLedger("No event " + eventIdentifier + " in the ledger yet."));
        return ProofView.of(leaf(logIndex));
    }

    @GetMapping("/recordings/{isrc}/proofs")
    @Operation(summary = "The inclusion proof of every event of a recording in the newest checkpoint")
    public RecordingProofs recordingProofs(@PathVariable String isrc) {
        Isrc code = Isrc.parse(isrc);
        List<ProofView> events = proofs.ofAggregate(code.value()).stream().map(ProofView::of).toList();
        if (events.isEmpty()) {
            throw notInLedger("No event of " + code.display() + " in a checkpoint yet.");
        }
        return new RecordingProofs(code.value(), events.get(0).treeSize(), events);
    }

    @GetMapping("/consistency")
    @Operation(summary = "The consistency proof between two tree sizes (RFC 9162 §2.1.4)")
    public ConsistencyView consistency(@RequestParam long first, @RequestParam long second) {
        return new ConsistencyView(first, second, consistencyProof(first, second));
    }

    @GetMapping(value = "/consistency", produces = TEXT)
    @Operation(summary = "The same proof, one base64 hash per line (Accept: text/plain)")
    public String consistencyText(@RequestParam long first, @RequestParam long second) {
        return String.join("", consistencyProof(first, second).stream().map(hash -> hash + "\n").toList());
    }

    private List<String> consistencyProof(long first, long second) {
        try {
            return proofs.consistency(first, second).stream().map(Base64.getEncoder()::encodeToString).toList();
        } catch (IllegalArgumentException sizes) {
            throw new InvalidFieldException(first <= 0 || first > second ? "first" : "second", sizes.getMessage(),
                    "Ask for two tree sizes of signed checkpoints (GET " + PATH + "/checkpoints).");
        }
    }

    @GetMapping(value = "/export", produces = TEXT)
    @Operation(summary = "The leaves [from, to) with their events' payload and metadata, for the offline verifier "
            + "(auditor or agency)")
    @ApiResponse(responseCode = "200", description = "The export, version 1: a header line, then one line per leaf "
            + "(docs/ledger.md)", content = @Content(mediaType = TEXT, schema = @Schema(type = "string")))
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "0") long from,
                                                        @RequestParam(required = false) Long to) {
        long end = to != null ? to : proofs.latestCheckpoint().map(LedgerCheckpoints.Stored::treeSize).orElse(0L);
        if (from < 0 || end < from) {
            throw new InvalidFieldException(from < 0 ? "from" : "to", "the range must satisfy 0 <= from <= to",
                    "Give from and to as log indexes, from the first to one past the last.");
        }
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            proofs.export(from, end, writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(TEXT))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"isrc-ledger-" + from + "-" + end
                        + ".export\"")
                .body(body);
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the tree from the event table and report the first event that changed (auditor "
            + "or agency). Answers 200 with the report when done within 10 s, else 202 with the progress and where "
            + "to follow it")
    public ResponseEntity<LedgerVerification.Status> verify() throws InterruptedException {
        LedgerVerification.Status started = verification.start();
        return answer(verification.await(started.id(), VERIFICATION_WAIT));
    }

    @GetMapping("/verifications/{id}")
    @Operation(summary = "A verification's progress, then its report (auditor or agency)")
    public ResponseEntity<LedgerVerification.Status> verification(@PathVariable String id) {
        return answer(verification.status(id).orElseThrow(() -> new ErrorResponseException(
                ProblemType.NOT_FOUND.status(), Problems.of(ProblemType.NOT_FOUND, "No verification " + id
                        + " on this node.", "id", "Start one with GET " + PATH + "/verification."), null)));
    }

    private static ResponseEntity<LedgerVerification.Status> answer(LedgerVerification.Status status) {
        if (status.running()) {
            return ResponseEntity.accepted().location(URI.create(PATH + "/verifications/" + status.id()))
                    .header(HttpHeaders.RETRY_AFTER, "5").body(status);
        }
        return ResponseEntity.ok(status);
    }

    @ExceptionHandler(LedgerProofs.NotCheckpointedException.class)
    ResponseEntity<ProblemDetail> notCheckpointed(LedgerProofs.NotCheckpointedException e) {
        ProblemDetail problem = Problems.of(ProblemType.CONFLICT, e.getMessage() + ".", null,
                "Ask again in a few seconds: a checkpoint is signed within 2 s of new events.");
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
    }

    private static ErrorResponseException noCheckpoint() {
        return notInLedger("No checkpoint has been signed yet.");
    }

    private static ErrorResponseException notInLedger(String detail) {
        return new ErrorResponseException(ProblemType.NOT_FOUND.status(), Problems.of(ProblemType.NOT_FOUND, detail,
                null, "Ask again in a few seconds: events enter the ledger, and a checkpoint, within 2 s."), null);
    }
}
