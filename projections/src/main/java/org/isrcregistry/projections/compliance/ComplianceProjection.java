package org.isrcregistry.projections.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.isrcregistry.core.conflict.ConflictId;
import org.isrcregistry.core.conflict.ConflictOpened;
import org.isrcregistry.core.conflict.ConflictResolved;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.PrefixReinstated;
import org.isrcregistry.core.prefix.PrefixSuspended;
import org.isrcregistry.core.recording.DistributorChanged;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.MetadataCorrected;
import org.isrcregistry.core.recording.NewVersionDeclared;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.core.recording.PossibleDuplicateDetected;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.core.recording.ReleaseLinked;
import org.isrcregistry.core.recording.WorkLinked;
import org.isrcregistry.projections.ReadModel;
import org.isrcregistry.projections.audit.EventReasons;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;
import org.isrcregistry.projections.jdbc.Table.Load;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model of the registrant audit and the compliance reports (docs/compliance.md): every event with its prefix
 * and the fields it changed, each recording's facts, its catalogue fields after each event (for any instant), the
 * prefixes' status (was a code assigned under a suspended prefix?), activity counters per prefix and month, and the
 * conflicts. One segment: a prefix's suspension and the assignments after it must be applied in the store's order.
 */
@ProcessingGroup(ComplianceProjection.PROCESSING_GROUP)
public class ComplianceProjection extends ReadModel {

    public static final String PROCESSING_GROUP = "compliance";

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Table EVENT = new Table("compliance_event", """
            global_index, occurred_at, prefix_code, subject, event_type, actor, correlation_id, reason, changes""",
            "?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb", "ON CONFLICT (global_index) DO NOTHING", Load.APPEND);
    static final Table RECORDING = new Table("compliance_recording", RecordingFacts.COLUMNS,
            placeholders(RecordingFacts.COLUMNS), "ON CONFLICT (isrc) DO UPDATE SET "
            + updates(RecordingFacts.COLUMNS) + " WHERE {table}.version < EXCLUDED.version", Load.COPY);
    static final Table PREFIX = new Table("compliance_prefix", "prefix_code, status", "?, ?",
            "ON CONFLICT (prefix_code) DO UPDATE SET status = EXCLUDED.status", Load.COPY);
    static final Table STATE = new Table("compliance_state", """
            isrc, sequence_number, prefix_code, valid_from, status, kind, title, version_title, main_artist,
            duration_ms, first_published, owner, distributor""", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?",
            "ON CONFLICT DO NOTHING", Load.APPEND);
    /** Counters: a batch adds its counts to the stored ones, each event counted once (with the token). */
    static final Table ACTIVITY = new Table("compliance_activity",
            "prefix_code, month, assigned, imported, transferred, withdrawn", "?, ?, ?, ?, ?, ?", """
            ON CONFLICT (prefix_code, month) DO UPDATE SET
                assigned = {table}.assigned + EXCLUDED.assigned, imported = {table}.imported + EXCLUDED.imported,
                transferred = {table}.transferred + EXCLUDED.transferred,
                withdrawn = {table}.withdrawn + EXCLUDED.withdrawn""", Load.STATEMENT);
    static final Table CONFLICT = new Table("compliance_conflict", """
            conflict_id, first_isrc, second_isrc, first_prefix, second_prefix, basis, status, opened_at, opened_by,
            resolution, withdrawn_isrc, survivor_isrc, reason, resolved_at, resolved_by""",
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?", """
            ON CONFLICT (conflict_id) DO UPDATE SET status = EXCLUDED.status, resolution = EXCLUDED.resolution,
                withdrawn_isrc = EXCLUDED.withdrawn_isrc, survivor_isrc = EXCLUDED.survivor_isrc,
                reason = EXCLUDED.reason, resolved_at = EXCLUDED.resolved_at, resolved_by = EXCLUDED.resolved_by""",
            Load.COPY);

    private static final int ASSIGNED = 0;
    private static final int IMPORTED = 1;
    private static final int TRANSFERRED = 2;
    private static final int WITHDRAWN = 3;

    public ComplianceProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, EVENT, RECORDING, PREFIX, STATE, ACTIVITY, CONFLICT);
    }

    @Override
    public void apply(EventMessage<?> message, long position, Rows rows) {
        Object payload = message.getPayload();
        Instant at = message.getTimestamp();
        String prefix = null;
        String subject = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        Map<String, ?> changes = null;
        if (payload instanceof RecordingEvent event && message instanceof DomainEventMessage<?> domain) {
            prefix = event.isrc().prefixCode().value();
            changes = recording(event, domain.getSequenceNumber(), at, rows);
        } else if (payload instanceof PrefixEvent event) {
            prefix = event.prefixCode().value();
            changes = prefix(event, rows);
        } else if (payload instanceof ConflictOpened opened) {
            prefix = opened.conflictId().first().prefixCode().value();
            ConflictId id = opened.conflictId();
            rows.put(CONFLICT, id.value(), id.value(), id.first().value(), id.second().value(),
                    id.first().prefixCode().value(), id.second().prefixCode().value(), opened.basis().name(), "OPEN",
                    Timestamp.from(at), metaData(message, "actor"), null, null, null, null, null, null);
            changes = Map.of("status", change(null, "OPEN"));
        } else if (payload instanceof ConflictResolved resolved) {
            prefix = resolved.conflictId().first().prefixCode().value();
            resolveConflict(resolved, message, rows);
            changes = Map.of("status", change("OPEN", "RESOLVED"), "resolution",
                    change(null, resolved.resolution().name()));
        }
        String reason = payload instanceof ConflictResolved resolved ? resolved.reason()
                : EventReasons.carriesReason(message.getPayloadType()) ? EventReasons.of(payload) : null;
        rows.add(EVENT, position, Timestamp.from(at), prefix, subject, message.getPayloadType().getSimpleName(),
                metaData(message, "actor"), metaData(message, "correlationId"), reason,
                changes == null || changes.isEmpty() ? null : json(changes));
    }

    private Map<String, ?> recording(RecordingEvent event, long sequence, Instant at, Rows rows) {
        Map<String, RecordingFacts> folded = rows.resource(PROCESSING_GROUP + ".recordings", HashMap::new);
        String isrc = event.isrc().value();
        RecordingFacts before = folded.containsKey(isrc) || event instanceof RecordingCreated ? folded.get(isrc)
                : load(rows.name(RECORDING), isrc);
        if (before != null && sequence <= before.version()) {
            return null;
        }
        RecordingFacts after = next(before, event, sequence, at, rows);
        folded.put(isrc, after);
        rows.put(RECORDING, isrc, after.row());
        rows.add(STATE, isrc, sequence, after.prefix(), Timestamp.from(at), after.status(), after.kind(),
                after.title(), after.versionTitle(), after.mainArtist(), after.durationMs(), after.firstPublished(),
                after.owner(), after.distributor());
        count(event, after.prefix(), at, rows);
        Map<String, Object> changes = new LinkedHashMap<>(RecordingFacts.changes(before, after));
        if (event instanceof NewVersionDeclared declared) {
            changes.put("newVersion", change(null, declared.newIsrc().value()));
        } else if (event instanceof ReleaseLinked linked) {
            changes.put("release", change(null, linked.release().code().value()));
        } else if (event instanceof WorkLinked linked) {
            changes.put("work", change(null, linked.iswc().value()));
        } else if (event instanceof PossibleDuplicateDetected detected) {
            changes.put("possibleDuplicates", change(null,
                    detected.candidates().stream().map(Isrc::value).collect(Collectors.joining(" "))));
        }
        return changes;
    }

    private RecordingFacts next(RecordingFacts before, RecordingEvent event, long sequence, Instant at, Rows rows) {
        if (event instanceof RecordingCreated created) {
            return RecordingFacts.created(created, suspended(event.isrc().prefixCode().value(), rows), at);
        }
        if (before == null) {
            throw new IllegalStateException("an event of " + event.isrc() + " before its creation");
        }
        if (event instanceof MetadataCorrected corrected) {
            return before.withMetadata(corrected.metadata(), sequence);
        }
        if (event instanceof OwnershipTransferred transfer) {
            return before.withParties(transfer.newOwner(), before.distributor(), sequence);
        }
        if (event instanceof DistributorChanged change) {
            return before.withParties(before.owner(), change.distributor(), sequence);
        }
        if (event instanceof IsrcWithdrawn withdrawn) {
            return before.withdrawn(withdrawn.reason().name(),
                    withdrawn.duplicateOf() == null ? null : withdrawn.duplicateOf().value(), at, sequence);
        }
        return before.touched(sequence);
    }

    private void count(RecordingEvent event, String prefix, Instant at, Rows rows) {
        int column = event instanceof IsrcAssigned ? ASSIGNED : event instanceof ExistingIsrcRegistered ? IMPORTED
                : event instanceof OwnershipTransferred ? TRANSFERRED : event instanceof IsrcWithdrawn ? WITHDRAWN : -1;
        if (column < 0) {
            return;
        }
        LocalDate month = LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
        Map<List<Object>, int[]> counts = rows.resource(PROCESSING_GROUP + ".activity", HashMap::new);
        List<Object> key = List.of(prefix, month);
        int[] count = counts.computeIfAbsent(key, k -> new int[4]);
        count[column]++;
        rows.put(ACTIVITY, key, prefix, Date.valueOf(month), count[0], count[1], count[2], count[3]);
    }

    private Map<String, ?> prefix(PrefixEvent event, Rows rows) {
        String status = event instanceof PrefixSuspended ? "SUSPENDED"
                : event instanceof PrefixRegistered || event instanceof PrefixReinstated ? "ACTIVE" : null;
        if (status == null) {
            return null;
        }
        String code = event.prefixCode().value();
        String before = event instanceof PrefixRegistered ? null : prefixStatus(code, rows);
        prefixStatuses(rows).put(code, status);
        rows.put(PREFIX, code, code, status);
        return Map.of("status", change(before, status));
    }

    private boolean suspended(String prefix, Rows rows) {
        return "SUSPENDED".equals(prefixStatus(prefix, rows));
    }

    private String prefixStatus(String prefix, Rows rows) {
        Map<String, String> statuses = prefixStatuses(rows);
        if (!statuses.containsKey(prefix)) {
            List<String> stored = jdbc.queryForList("SELECT status FROM " + rows.name(PREFIX)
                    + " WHERE prefix_code = ?", String.class, prefix);
            statuses.put(prefix, stored.isEmpty() ? null : stored.get(0));
        }
        return statuses.get(prefix);
    }

    private static Map<String, String> prefixStatuses(Rows rows) {
        return rows.resource(PROCESSING_GROUP + ".prefixes", HashMap::new);
    }

    private void resolveConflict(ConflictResolved resolved, EventMessage<?> message, Rows rows) {
        ConflictId id = resolved.conflictId();
        Map<String, Object[]> opened = rows.resource(PROCESSING_GROUP + ".conflicts", HashMap::new);
        Object[] row = opened.containsKey(id.value()) ? opened.get(id.value()) : jdbc.query(
                "SELECT " + CONFLICT.columns() + " FROM " + rows.name(CONFLICT) + " WHERE conflict_id = ?",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    Object[] stored = new Object[15];
                    for (int i = 0; i < stored.length; i++) {
                        stored[i] = rs.getObject(i + 1);
                    }
                    return stored;
                }, id.value());
        if (row == null) {
            throw new IllegalStateException("the conflict " + id + " was resolved before it was opened");
        }
        Object[] next = Arrays.copyOf(row, row.length);
        next[6] = "RESOLVED";
        next[9] = resolved.resolution().name();
        next[10] = resolved.withdrawn() == null ? null : resolved.withdrawn().value();
        next[11] = resolved.survivor() == null ? null : resolved.survivor().value();
        next[12] = resolved.reason();
        next[13] = Timestamp.from(message.getTimestamp());
        next[14] = metaData(message, "actor");
        opened.put(id.value(), next);
        rows.put(CONFLICT, id.value(), next);
    }

    private RecordingFacts load(String table, String isrc) {
        List<RecordingFacts> stored = jdbc.query("SELECT " + RecordingFacts.COLUMNS + " FROM " + table
                + " WHERE isrc = ?", (rs, n) -> RecordingFacts.read(rs), isrc);
        return stored.isEmpty() ? null : stored.get(0);
    }

    private static Map<String, Object> change(Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    private static String metaData(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String placeholders(String columns) {
        return Arrays.stream(columns.split(",")).map(c -> "?").collect(Collectors.joining(", "));
    }

    private static String updates(String columns) {
        return Arrays.stream(columns.split(",")).map(String::strip).skip(1)
                .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    }
}
