package org.isrcregistry.api.ownership;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.api.imports.ImportView;
import org.isrcregistry.api.jobs.ResumableJobs;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.TransferOwnership;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.recording.RecordingProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk ownership transfers (a catalogue sold): every recording the request covers is listed when it starts, then each
 * gets the ordinary {@link TransferOwnership} command, with the requester as actor and the request's correlation id,
 * in order, in the background ({@link ResumableJobs}, as imports run). Each chunk's outcomes and the counts are recorded
 * in one transaction, only if the recorded outcomes end where the chunk starts, so a node resuming the transfer after a
 * stop or a crash records nothing twice; a transfer sent but not recorded is sent again, which changes nothing (the
 * recording has its new owner already).
 */
@Component
public class BulkOwnershipTransfers {

    private static final Logger log = LoggerFactory.getLogger(BulkOwnershipTransfers.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RegistryCommands commands;
    private final ReadYourWrites readYourWrites;
    private final ResumableJobs jobs;
    private final int chunk;

    BulkOwnershipTransfers(JdbcTemplate jdbc, TransactionTemplate transaction, RegistryCommands commands,
                           ReadYourWrites readYourWrites,
                           @Value("${registry.ownership-transfers.chunk:200}") int chunk,
                           @Value("${registry.ownership-transfers.concurrent:1}") int concurrent) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.chunk = chunk;
        this.jobs = new ResumableJobs(jdbc, "ownership-transfer", concurrent, this::run, id -> jdbc.update(
                "UPDATE ownership_transfer_batch SET status = 'FAILED', finished_at = now() WHERE id = ?", id));
    }

    /**
     * What a bulk transfer covers: the recordings owned by {@code fromOwner} within {@code scope}, the prefixes of the
     * requesting registrant (null: every prefix, for the agency); or the codes listed (the caller checked them).
     */
    public record Selection(String fromOwner, List<Isrc> isrcs, Set<PrefixCode> scope) {
    }

    /** Lists the recordings the transfer covers and starts it. */
    public TransferView start(Selection selection, String newOwner, LocalDate effectiveDate, String actor,
                              String correlationId) {
        List<Isrc> covered = selection.isrcs() != null ? selection.isrcs() : owned(selection.fromOwner(),
                selection.scope());
        UUID id = UUID.randomUUID();
        transaction.executeWithoutResult(tx -> {
            jdbc.update("""
                            INSERT INTO ownership_transfer_batch (id, actor, correlation_id, from_owner, new_owner,
                                effective_date, status, total) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?)""",
                    id, actor, correlationId, selection.fromOwner(), newOwner, effectiveDate, covered.size());
            jdbc.update("""
                            INSERT INTO ownership_transfer_item (batch_id, position, isrc)
                            SELECT ?, ordinality - 1, isrc FROM unnest(?::text[]) WITH ORDINALITY AS item(isrc)""",
                    id, covered.stream().map(Isrc::value).toArray(String[]::new));
        });
        jobs.submit(id);
        return view(id, -1, 0).orElseThrow();
    }

    /**
     * Active recordings whose owner is {@code owner} (case aside), in code order, within the scope: from the
     * recordings read model once it has passed every event committed so far, so that codes assigned or transferred
     * to the owner a moment ago (their commands answer without waiting for it) are covered.
     */
    private List<Isrc> owned(String owner, Set<PrefixCode> scope) {
        readYourWrites.awaitProjections(RecordingProjection.PROCESSING_GROUP);
        String[] prefixes = scope == null ? null : scope.stream().map(PrefixCode::value).toArray(String[]::new);
        return jdbc.query("""
                        SELECT isrc FROM recording_view WHERE lower(owner) = lower(?) AND status <> 'WITHDRAWN'
                        AND (CAST(? AS text[]) IS NULL OR prefix_code = ANY (CAST(? AS text[]))) ORDER BY isrc""",
                (rs, n) -> Isrc.parse(rs.getString(1)), owner, prefixes, prefixes);
    }

    /** Transfers still running, resumed after a stop or a crash: at start-up and every resume interval. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${registry.imports.resume-interval:30s}",
            fixedDelayString = "${registry.imports.resume-interval:30s}")
    public void resumeInterrupted() {
        jobs.resume(jdbc.queryForList("SELECT id FROM ownership_transfer_batch WHERE status = 'RUNNING'", UUID.class));
    }

    private void run(UUID id) {
        record Batch(String actor, String correlationId, String newOwner, LocalDate effectiveDate, int done) {
        }
        List<Batch> batches = jdbc.query("""
                        SELECT actor, correlation_id, new_owner, effective_date, done FROM ownership_transfer_batch
                        WHERE id = ? AND status = 'RUNNING'""",
                (rs, n) -> new Batch(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getInt(5)), id);
        for (Batch batch : batches) {
            if (batch.done() > 0) {
                log.info("Resuming ownership transfer {} at recording {}", id, batch.done() + 1);
            }
            for (int start = batch.done(); ; start += chunk) {
                List<Isrc> isrcs = jdbc.query("""
                                SELECT isrc FROM ownership_transfer_item WHERE batch_id = ? AND position >= ?
                                ORDER BY position LIMIT ?""", (rs, n) -> Isrc.parse(rs.getString(1)), id, start,
                        chunk);
                if (isrcs.isEmpty()) {
                    break;
                }
                List<Outcome> outcomes = new ArrayList<>(isrcs.size());
                for (Isrc isrc : isrcs) {
                    outcomes.add(transfer(isrc, batch.newOwner(), batch.effectiveDate(), batch.actor(),
                            batch.correlationId()));
                }
                record(id, start, outcomes);
            }
            jdbc.update("UPDATE ownership_transfer_batch SET status = 'COMPLETED', finished_at = now() WHERE id = ?",
                    id);
        }
    }

    private Outcome transfer(Isrc isrc, String newOwner, LocalDate effectiveDate, String actor, String correlationId) {
        try {
            commands.send(new TransferOwnership(isrc, newOwner, effectiveDate), actor, correlationId);
            return new Outcome("TRANSFERRED", null, null, null, null);
        } catch (RegistryRuleException refused) {
            return new Outcome("REFUSED", ProblemType.valueOf(refused.kind().name()).type(), refused.field(),
                    refused.getMessage(), refused.action());
        } catch (AggregateNotFoundException unknown) {
            return new Outcome("REFUSED", ProblemType.NOT_FOUND.type(), "isrcs",
                    isrc.display() + " is not registered", "Check the code; only registered recordings change owner.");
        }
    }

    /** A chunk's outcomes and the counts, in one transaction, only where the recorded outcomes end. */
    private void record(UUID id, int start, List<Outcome> outcomes) {
        transaction.executeWithoutResult(tx -> {
            int transferred = (int) outcomes.stream().filter(o -> o.outcome().equals("TRANSFERRED")).count();
            int counted = jdbc.update("""
                            UPDATE ownership_transfer_batch SET done = done + ?, transferred = transferred + ?,
                                refused = refused + ? WHERE id = ? AND done = ?""",
                    outcomes.size(), transferred, outcomes.size() - transferred, id, start);
            if (counted == 1) {
                List<Object[]> rows = new ArrayList<>(outcomes.size());
                for (int i = 0; i < outcomes.size(); i++) {
                    Outcome o = outcomes.get(i);
                    rows.add(new Object[] {o.outcome(), o.type() == null ? null : o.type().toString(), o.field(),
                            o.detail(), o.action(), id, start + i});
                }
                jdbc.batchUpdate("""
                        UPDATE ownership_transfer_item SET outcome = ?, problem_type = ?, field = ?, detail = ?,
                            action = ? WHERE batch_id = ? AND position = ?""", rows);
            }
        });
    }

    private record Outcome(String outcome, URI type, String field, String detail, String action) {
    }

    /** The transfer, with up to {@code limit} results after position {@code after}; the counts are read first. */
    public Optional<TransferView> view(UUID id, int after, int limit) {
        return jdbc.query("""
                        SELECT id, actor, from_owner, new_owner, effective_date, status, total, done, transferred,
                            refused, created_at, finished_at FROM ownership_transfer_batch WHERE id = ?""",
                (rs, n) -> {
                    List<TransferView.Result> results = results(id, after, limit);
                    return new TransferView(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getString(6), rs.getInt(7), rs.getInt(8),
                            rs.getInt(9), rs.getInt(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
                            results, results.size() == limit && limit > 0 ? results.get(limit - 1).position() : null,
                            rs.getString(2));
                }, id).stream().findFirst();
    }

    private List<TransferView.Result> results(UUID id, int after, int limit) {
        return limit <= 0 ? List.of() : jdbc.query("""
                        SELECT position, isrc, outcome, problem_type, field, detail, action FROM ownership_transfer_item
                        WHERE batch_id = ? AND position > ? AND outcome IS NOT NULL ORDER BY position LIMIT ?""",
                (rs, n) -> new TransferView.Result(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : new ImportView.Refusal(URI.create(rs.getString(4)),
                                rs.getString(5), rs.getString(6), rs.getString(7))), id, after, limit);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
