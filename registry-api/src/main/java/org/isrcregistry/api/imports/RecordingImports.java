package org.isrcregistry.api.imports;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.http.ApiLimits;
import org.isrcregistry.api.imports.ImportParser.Format;
import org.isrcregistry.api.imports.ImportParser.ParsedRow;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs.Registration;
import org.isrcregistry.core.prefix.RegistrationOutcome;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.jdbc.CopyText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs bulk imports in the background: rows go to their prefix in batches ({@link RegisterExistingIsrcs}, one unit
 * of work and one transaction each), and each batch's results and the counts are recorded in one transaction, so
 * progress is visible while the import runs. The same content for the same prefix is the same import. An import
 * interrupted by a stop or a crash resumes after its last recorded batch (at start-up, or on another node); a batch
 * whose events were stored but whose results were not is reported "already registered" the second time, which is
 * true.
 */
@Component
public class RecordingImports {

    private static final Logger log = LoggerFactory.getLogger(RecordingImports.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RegistryCommands commands;
    private final ImportParser parser;
    private final ApiLimits limits;
    private final TaskExecutor executor;
    private final int batchSize;
    /** The imports this node has started or queued. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    RecordingImports(JdbcTemplate jdbc, TransactionTemplate transaction, RegistryCommands commands,
                     ImportParser parser, ApiLimits limits, @Value("${registry.imports.batch-size:2000}") int batchSize,
                     @Value("${registry.imports.concurrent:2}") int concurrent) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.commands = commands;
        this.parser = parser;
        this.limits = limits;
        this.batchSize = batchSize;
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(concurrent);
        pool.setThreadNamePrefix("import-");
        pool.setWaitForTasksToCompleteOnShutdown(false);
        pool.initialize();
        this.executor = pool;
    }

    /** Starts the import, or finds the one with the same content; the whole file is read first. */
    public ImportView start(PrefixCode prefix, byte[] content, Format format, String actor, String correlationId) {
        String hash = sha256(content);
        Optional<UUID> existing = find(prefix, hash);
        if (existing.isPresent()) {
            return view(existing.get(), 0, 0, null).orElseThrow();
        }
        List<ParsedRow> rows = parser.parse(content, format, prefix, limits.maxImportRows());
        // An empty batch: the prefix decides whether it is registered, and nothing is stored.
        commands.send(new RegisterExistingIsrcs(prefix, List.of()), actor, correlationId);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                INSERT INTO recording_import (id, prefix_code, content_hash, media_type, content, actor, status, total)
                VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?) ON CONFLICT (prefix_code, content_hash) DO NOTHING""",
                id, prefix.value(), hash, format.name(), content, actor, rows.size());
        if (inserted == 0) {
            return view(find(prefix, hash).orElseThrow(), 0, 0, null).orElseThrow();
        }
        submit(id, rows);
        return view(id, 0, 0, null).orElseThrow();
    }

    /** A CSV import, started as {@code POST .../imports} with {@code Content-Type: text/csv} starts it. */
    public ImportView startCsv(PrefixCode prefix, byte[] csv, String actor, String correlationId) {
        return start(prefix, csv, Format.CSV, actor, correlationId);
    }

    /**
     * The first rows of a CSV import, each read and checked as the import will read it; nothing is stored. A row
     * that the import would send to its prefix is {@code VALID} here (the prefix may still refuse it).
     */
    public List<ImportView.Row> checkCsv(PrefixCode prefix, byte[] csv, int rows) {
        return parser.parse(csv, Format.CSV, prefix, limits.maxImportRows()).stream().limit(rows)
                .map(row -> new ImportView.Row(row.row(), row.isrc(), row.refusal() == null ? "VALID" : "REFUSED",
                        List.of(), row.refusal() == null ? null : refusal(row.refusal())))
                .toList();
    }

    /** Imports still running, of every prefix. */
    public int running() {
        Integer running = jdbc.queryForObject("SELECT count(*) FROM recording_import WHERE status = 'RUNNING'",
                Integer.class);
        return running == null ? 0 : running;
    }

    private static ImportView.Refusal refusal(ProblemDetail problem) {
        Map<String, Object> more = problem.getProperties() == null ? Map.of() : problem.getProperties();
        return new ImportView.Refusal(problem.getType(), (String) more.get("field"), problem.getDetail(),
                (String) more.get("action"));
    }

    private Optional<UUID> find(PrefixCode prefix, String hash) {
        return jdbc.queryForList("SELECT id FROM recording_import WHERE prefix_code = ? AND content_hash = ?",
                UUID.class, prefix.value(), hash).stream().findFirst();
    }

    /**
     * Imports a stop or a crash interrupted go on where their recorded results end: at start-up, and every
     * {@code registry.imports.resume-interval} for those whose node died while another node runs on.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${registry.imports.resume-interval:30s}",
            fixedDelayString = "${registry.imports.resume-interval:30s}")
    void resumeInterrupted() {
        jdbc.queryForList("SELECT id FROM recording_import WHERE status = 'RUNNING'", UUID.class).stream()
                .filter(id -> !running.contains(id)).forEach(id -> submit(id, null));
    }

    /** @param parsed the import's rows if already parsed, else null: they are read from the stored content */
    private void submit(UUID id, List<ParsedRow> parsed) {
        if (!running.add(id)) {
            return;
        }
        executor.execute(() -> {
            try {
                runExclusively(id, parsed);
            } catch (RuntimeException | SQLException e) {
                log.error("Import {} failed", id, e);
                jdbc.update("UPDATE recording_import SET status = 'FAILED', finished_at = now() WHERE id = ?", id);
            } finally {
                running.remove(id);
            }
        });
    }

    /**
     * Runs the import from its last recorded batch while holding a PostgreSQL advisory lock on it, on a session of
     * its own: one node runs an import at a time, and if that node dies its session ends, the lock with it, and
     * another node resumes the import. Its state is read once the lock is held, so a finished import is not run again.
     */
    private void runExclusively(UUID id, List<ParsedRow> parsed) throws SQLException {
        long lock = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
        try (Connection session = jdbc.getDataSource().getConnection()) {
            if (!advisoryLock(session, "pg_try_advisory_lock", lock)) {
                return; // another node runs it
            }
            try {
                record Resumable(PrefixCode prefix, List<ParsedRow> rows, int done, String actor) {
                }
                List<Resumable> resumable = jdbc.query("SELECT prefix_code, content, media_type, done, actor"
                        + " FROM recording_import WHERE id = ? AND status = 'RUNNING'", (rs, n) -> {
                    PrefixCode prefix = PrefixCode.parse(rs.getString(1));
                    return new Resumable(prefix, parsed != null ? parsed : parser.parse(rs.getBytes(2),
                            Format.valueOf(rs.getString(3)), prefix, Integer.MAX_VALUE), rs.getInt(4), rs.getString(5));
                }, id);
                for (Resumable work : resumable) {
                    if (work.done() > 0) {
                        log.info("Resuming import {} of {} at row {}", id, work.prefix().display(), work.done() + 1);
                    }
                    run(id, work.prefix(), work.rows(), work.done(), work.actor());
                }
            } finally {
                advisoryLock(session, "pg_advisory_unlock", lock);
            }
        }
    }

    private static boolean advisoryLock(Connection session, String function, long key) throws SQLException {
        try (PreparedStatement sql = session.prepareStatement("SELECT " + function + "(?)")) {
            sql.setLong(1, key);
            try (ResultSet result = sql.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void run(UUID id, PrefixCode prefix, List<ParsedRow> rows, int from, String actor) {
        String correlationId = "import-" + id;
        for (int start = from; start < rows.size(); start += batchSize) {
            List<ParsedRow> batch = rows.subList(start, Math.min(start + batchSize, rows.size()));
            List<RowResult> results = register(prefix, batch, actor, correlationId);
            record(id, start, results);
        }
        jdbc.update("UPDATE recording_import SET status = 'COMPLETED', content = NULL, finished_at = now() WHERE id = ?",
                id);
    }

    private List<RowResult> register(PrefixCode prefix, List<ParsedRow> batch, String actor, String correlationId) {
        List<Registration> registrations = batch.stream().map(ParsedRow::registration)
                .filter(r -> r != null).toList();
        List<RegistrationOutcome> outcomes;
        try {
            outcomes = commands.send(new RegisterExistingIsrcs(prefix, registrations), actor, correlationId);
        } catch (RuntimeException batchFailed) {
            // E.g. the same audio registered by a concurrent request between check and commit: row by row instead.
            log.warn("Import batch of {} failed as a whole ({}); registering its rows one by one", batch.size(),
                    batchFailed.toString());
            outcomes = registrations.stream().map(r -> one(prefix, r, actor, correlationId)).toList();
        }
        List<RowResult> results = new ArrayList<>(batch.size());
        int next = 0;
        for (ParsedRow row : batch) {
            results.add(row.registration() == null ? RowResult.refused(row.row(), row.isrc(), row.refusal())
                    : RowResult.of(row.row(), outcomes.get(next++)));
        }
        return results;
    }

    private RegistrationOutcome one(PrefixCode prefix, Registration registration, String actor,
                                    String correlationId) {
        try {
            List<RegistrationOutcome> outcome = commands.send(new RegisterExistingIsrcs(prefix, List.of(registration)),
                    actor, correlationId);
            return outcome.get(0);
        } catch (RegistryRuleException refused) {
            return new RegistrationOutcome(registration.isrc(), RegistrationOutcome.Result.REFUSED, List.of(), refused);
        }
    }

    /**
     * A batch's row results (one COPY) and the import's counts, in one transaction. Only if the import's results end
     * where the batch starts: a batch recorded already (by another node resuming the same import) is not recorded again.
     */
    private void record(UUID id, int start, List<RowResult> results) {
        CopyText rows = new CopyText(results.size(), 128);
        for (RowResult r : results) {
            ProblemDetail p = r.problem();
            Map<String, Object> properties = p == null || p.getProperties() == null ? Map.of() : p.getProperties();
            rows.row(id, r.row(), r.isrc(), r.outcome(),
                    r.possibleDuplicates().isEmpty() ? null : String.join(",", r.possibleDuplicates()),
                    p == null ? null : p.getType().toString(), properties.get("field"), p == null ? null : p.getDetail(),
                    properties.get("action"));
        }
        transaction.executeWithoutResult(tx -> {
            int counted = jdbc.update("""
                    UPDATE recording_import SET done = done + ?, registered = registered + ?,
                        already_registered = already_registered + ?, refused = refused + ? WHERE id = ? AND done = ?""",
                    results.size(), count(results, "REGISTERED"), count(results, "ALREADY_REGISTERED"),
                    count(results, "REFUSED"), id, start);
            if (counted == 1) {
                jdbc.execute((ConnectionCallback<Long>) connection -> rows.copyInto(connection,
                        "recording_import_row", "import_id, row_number, isrc, outcome, possible_duplicates, problem_type,"
                                + " field, detail, action"));

            }
        });
    }

    private static int count(List<RowResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    /**
     * The import, with up to {@code limit} row results after row {@code after} (optionally of one outcome). The counts
     * are read before the rows: a batch's rows commit with its counts, so every row the counts include is shown.
     */
    public Optional<ImportView> view(UUID id, int after, int limit, String outcome) {
        return jdbc.query("""
                        SELECT id, prefix_code, status, total, done, registered, already_registered, refused, created_at,
                            finished_at FROM recording_import WHERE id = ?""",
                (rs, n) -> {
                    List<ImportView.Row> rows = rows(id, after, limit, outcome);
                    return new ImportView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), instant(rs.getTimestamp(9)),
                            instant(rs.getTimestamp(10)), rows,
                            rows.size() == limit && limit > 0 ? rows.get(rows.size() - 1).row() : null);
                }, id).stream().findFirst();
    }

    private List<ImportView.Row> rows(UUID id, int after, int limit, String outcome) {
        return limit <= 0 ? List.of() : jdbc.query("""
                        SELECT row_number, isrc, outcome, possible_duplicates, problem_type, field, detail, action
                        FROM recording_import_row WHERE import_id = ? AND row_number > ? AND (CAST(? AS TEXT) IS NULL OR outcome = ?)
                        ORDER BY row_number LIMIT ?""",
                (rs, n) -> new ImportView.Row(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? List.of() : List.of(rs.getString(4).split(",")),
                        rs.getString(5) == null ? null
                                : new ImportView.Refusal(URI.create(rs.getString(5)), rs.getString(6), rs.getString(7),
                                rs.getString(8))),
                id, after, outcome, outcome, limit);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** One row's result, as stored. */
    record RowResult(int row, String isrc, String outcome, List<String> possibleDuplicates, ProblemDetail problem) {

        static RowResult refused(int row, String isrc, ProblemDetail problem) {
            return new RowResult(row, isrc, "REFUSED", List.of(), problem);
        }

        static RowResult of(int row, RegistrationOutcome outcome) {
            RegistryRuleException refusal = outcome.refusal();
            return new RowResult(row, outcome.isrc().value(), outcome.result().name(),
                    outcome.possibleDuplicates().stream().map(Isrc::value).collect(Collectors.toList()),
                    refusal == null ? null : Problems.of(ProblemType.valueOf(refusal.kind().name()),
                            refusal.getMessage(), refusal.field(), refusal.action()));
        }
    }
}
