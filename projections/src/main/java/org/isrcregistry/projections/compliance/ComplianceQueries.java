package org.isrcregistry.projections.compliance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.MusicVideo;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.projections.compliance.Report.Key;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registrant audit, the as-of queries and the compliance reports as {@link Report}s, each exactly as
 * docs/compliance.md defines it. {@code scope} is the prefixes a registrant holds (null: every prefix, for the agency
 * and auditors); a scoped report shows nothing outside them.
 */
public class ComplianceQueries {

    /** The full year of a two-digit year of reference: this century unless that is still to come. */
    static final String FULL_YEAR = "(CASE WHEN 2000 + %1$s <= extract(year FROM current_date) THEN 2000 + %1$s"
            + " ELSE 1900 + %1$s END)";

    private final JdbcTemplate jdbc;

    public ComplianceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the audit is about: exactly one of prefix, actor and ISRC. */
    public record AuditSubject(PrefixCode prefix, String actor, Isrc isrc) {
    }

    /** Everything done about the subject in [from, to): every event, and every refused command. */
    public Report audit(AuditSubject subject, Instant from, Instant to, Set<PrefixCode> scope) {
        Filter events = new Filter();
        Filter refused = new Filter();
        if (subject.prefix() != null) {
            events.add("e.prefix_code = ?", subject.prefix().value());
            refused.add("c.prefix_code = ?", subject.prefix().value());
        } else if (subject.actor() != null) {
            events.add("e.actor = ?", subject.actor());
            refused.add("c.actor = ?", subject.actor());
        } else {
            events.add("e.subject = ?", subject.isrc().value());
            refused.add("c.isrc = ?", subject.isrc().value());
        }
        events.add("e.occurred_at >= ? AND e.occurred_at < ?", Timestamp.from(from), Timestamp.from(to));
        refused.add("c.occurred_at >= ? AND c.occurred_at < ?", Timestamp.from(from), Timestamp.from(to));
        events.scope("e.prefix_code", scope);
        refused.scope("c.prefix_code", scope);
        List<Object> args = new ArrayList<>(events.args);
        args.addAll(refused.args);
        return new Report("audit", """
                SELECT e.occurred_at, e.global_index AS id, 'EVENT' AS source, e.actor, e.prefix_code AS prefix,
                       e.subject, e.event_type AS action, e.reason, NULL::text AS rule, NULL::text AS field,
                       e.correlation_id, e.changes
                FROM compliance_event e WHERE %s
                UNION ALL
                SELECT c.occurred_at, c.id, 'REFUSED', c.actor, c.prefix_code, coalesce(c.isrc, c.prefix_code, ''),
                       c.method || ' ' || c.path, c.detail, c.problem_type, c.field, c.correlation_id, NULL::jsonb
                FROM refused_command c WHERE %s""".formatted(events.where(), refused.where()), args,
                List.of(Key.timestamp("occurred_at"), Key.bigint("id"), Key.text("source")));
    }

    /** Every recording whose owner (or distributor) on {@code date} was {@code party}, by effective dates. */
    public Report heldOn(String party, String role, LocalDate date, Set<PrefixCode> scope) {
        Filter filter = new Filter();
        filter.add("h.party = ? AND h.role = ?", party, role);
        filter.add(SINCE.formatted("h") + " <= ?", Date.valueOf(date));
        filter.scope("left(h.isrc, 5)", scope);
        List<Object> args = new ArrayList<>(filter.args);
        args.add(Date.valueOf(date));
        return new Report("held-on", """
                SELECT h.isrc, h.role, h.party, %s AS since, v.status, v.title, v.main_artist
                FROM recording_party_history h LEFT JOIN recording_view v ON v.isrc = h.isrc
                WHERE %s AND NOT EXISTS (SELECT 1 FROM recording_party_history l WHERE l.isrc = h.isrc
                    AND l.role = h.role AND l.sequence_number > h.sequence_number AND %s <= ?)"""
                .formatted(SINCE.formatted("h"), filter.where(), SINCE.formatted("l")), args,
                List.of(Key.text("isrc")));
    }

    /** A party's first day: the effective date of its change, or the day (UTC) the recording was registered. */
    private static final String SINCE = "coalesce(%1$s.effective_date, (%1$s.recorded_at AT TIME ZONE 'UTC')::date)";

    /** Whether the party was ever recorded as owner or distributor (of a recording in scope). */
    public boolean knownParty(String party, Set<PrefixCode> scope) {
        Filter filter = new Filter();
        filter.add("party = ?", party);
        filter.scope("left(isrc, 5)", scope);
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM recording_party_history WHERE "
                + filter.where() + ")", Boolean.class, filter.args.toArray()));
    }

    /** Every recording of the prefix as it stood at {@code instant}: its catalogue fields after its last event then. */
    public Report catalogueAt(PrefixCode prefix, Instant instant) {
        return new Report("catalogue", """
                SELECT DISTINCT ON (isrc) isrc, status, kind, title, version_title, main_artist, duration_ms,
                       first_published, owner, distributor, valid_from AS since
                FROM compliance_state WHERE prefix_code = ? AND valid_from <= ?
                ORDER BY isrc, sequence_number DESC""", List.of(prefix.value(), Timestamp.from(instant)),
                List.of(Key.text("isrc")));
    }

    /** Designations taken per prefix and year of reference against the prefix's range, and when it runs out. */
    public Report usage(PrefixCode prefix, LocalDate today, Set<PrefixCode> scope) {
        Filter filter = Filter.prefix("u.prefix_code", prefix);
        filter.scope("u.prefix_code", scope);
        String year = FULL_YEAR.formatted("u.year_of_reference");
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(today)));
        args.addAll(filter.args);
        return new Report("usage", """
                SELECT prefix, registrant_id, registrant, year, assigned, imported, issued, capacity,
                       round(issued::numeric / capacity, 4) AS share,
                       CASE WHEN year = extract(year FROM today) AND issued > 0 THEN
                            CASE WHEN issued >= capacity THEN today
                                 ELSE nullif(least(today + ceil((capacity - issued)
                                      / (issued::numeric / (today - make_date(year, 1, 1) + 1)))::int,
                                      make_date(year, 12, 31) + 1), make_date(year, 12, 31) + 1) END
                       END AS runs_out_on,
                       issued::numeric / capacity > 0.8 AS flagged
                FROM (SELECT u.prefix_code AS prefix, p.registrant_id, g.legal_name AS registrant, %s::int AS year,
                             u.assigned, u.imported, u.assigned + u.imported AS issued,
                             p.range_last - p.range_first + 1 AS capacity, ?::date AS today
                      FROM prefix_usage u JOIN prefix_view p ON p.prefix_code = u.prefix_code
                      LEFT JOIN registrant_view g ON g.registrant_id = p.registrant_id
                      WHERE %s) x""".formatted(year, filter.where()), args,
                List.of(Key.text("prefix"), Key.bigint("year")));
    }

    /** Pairs of active recordings with the same fingerprint, or the same match key and durations within 2 s. */
    public Report duplicates(PrefixCode prefix, Set<PrefixCode> scope) {
        Filter filter = new Filter();
        if (prefix != null) {
            filter.add("(d.first_prefix = ? OR d.second_prefix = ?)", prefix.value(), prefix.value());
        }
        filter.scope2("d.first_prefix", "d.second_prefix", scope);
        return new Report("duplicates", """
                SELECT d.*, c.status AS conflict_status, c.resolution AS conflict_resolution FROM (
                    SELECT a.isrc AS first_isrc, b.isrc AS second_isrc, a.prefix_code AS first_prefix,
                           b.prefix_code AS second_prefix,
                           CASE WHEN a.fingerprint = b.fingerprint THEN 'SAME_FINGERPRINT' ELSE 'SAME_METADATA' END
                               AS basis,
                           a.main_artist, a.title, a.version_title, a.kind, a.duration_ms AS first_duration_ms,
                           b.duration_ms AS second_duration_ms
                    FROM compliance_recording a JOIN compliance_recording b
                      ON b.match_key = a.match_key AND b.status = 'ACTIVE' AND b.isrc > a.isrc
                     AND b.duration_ms BETWEEN a.duration_ms - 2000 AND a.duration_ms + 2000
                    WHERE a.status = 'ACTIVE'
                    UNION
                    SELECT a.isrc, b.isrc, a.prefix_code, b.prefix_code, 'SAME_FINGERPRINT', a.main_artist, a.title,
                           a.version_title, a.kind, a.duration_ms, b.duration_ms
                    FROM compliance_recording a JOIN compliance_recording b
                      ON b.fingerprint = a.fingerprint AND b.status = 'ACTIVE' AND b.isrc > a.isrc
                    WHERE a.status = 'ACTIVE' AND a.fingerprint IS NOT NULL) d
                LEFT JOIN compliance_conflict c ON c.conflict_id = d.first_isrc || '-' || d.second_isrc
                WHERE %s""".formatted(filter.where()), filter.args,
                List.of(Key.text("first_isrc"), Key.text("second_isrc")));
    }

    /** The signals of docs/compliance.md, one row per recording (or correction) showing one. */
    public Report signals(PrefixCode prefix, String signal, Set<PrefixCode> scope) {
        Filter filter = Filter.prefix("s.prefix", prefix);
        if (signal != null) {
            filter.add("s.signal = ?", signal);
        }
        filter.scope("s.prefix", scope);
        String keepsAudio = Arrays.stream(ChangeKind.values()).filter(k -> !k.needsNewIsrc())
                .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
        String linkToAudio = Arrays.stream(RecordingKind.values()).filter(MusicVideo::linksToAudio)
                .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
        return new Report("signals", """
                SELECT s.* FROM (
                    SELECT 'ASSIGNED_UNDER_SUSPENDED_PREFIX' AS signal, isrc, prefix_code AS prefix,
                           created_at AS occurred_at, 0::bigint AS ref, 'assigned while the prefix was suspended' AS detail
                    FROM compliance_recording WHERE assigned_while_suspended
                    UNION ALL
                    SELECT 'DURATION_CORRECTED', subject, prefix_code, occurred_at, global_index,
                           (changes -> 'duration' ->> 'before') || ' -> ' || (changes -> 'duration' ->> 'after')
                               || coalesce(': ' || reason, '')
                    FROM compliance_event WHERE event_type = 'MetadataCorrected' AND changes ?? 'duration'
                    UNION ALL
                    SELECT 'VERSION_KEEPS_AUDIO', isrc, prefix_code, created_at, 0,
                           'new version of ' || parent_isrc || ' declared as ' || version_change
                    FROM compliance_recording WHERE version_change IN (%s)
                    UNION ALL
                    SELECT 'VIDEO_WITHOUT_AUDIO_LINK', isrc, prefix_code, created_at, 0, 'no audioIsrc'
                    FROM compliance_recording WHERE kind IN (%s) AND audio_isrc IS NULL AND status = 'ACTIVE'
                    UNION ALL
                    SELECT 'IMPORTED_YEAR_AFTER_FIRST_PUBLICATION', isrc, prefix_code, created_at, 0,
                           'year of reference ' || %s || ', first published ' || first_published
                    FROM compliance_recording WHERE origin = 'IMPORTED' AND first_published IS NOT NULL
                      AND %s > extract(year FROM first_published)) s
                WHERE %s""".formatted(keepsAudio, linkToAudio, FULL_YEAR.formatted("year_of_reference"),
                FULL_YEAR.formatted("year_of_reference"), filter.where()), filter.args,
                List.of(Key.text("signal"), Key.text("isrc"), Key.bigint("ref")));
    }

    /** Per prefix: active recordings, and the share of them with each of IFPI's minimum fields. */
    public Report completeness(PrefixCode prefix, Set<PrefixCode> scope) {
        Filter filter = Filter.prefix("r.prefix_code", prefix);
        filter.scope("r.prefix_code", scope);
        return new Report("completeness", """
                SELECT r.prefix_code AS prefix, p.registrant_id, g.legal_name AS registrant, count(*) AS recordings,
                       round(count(*) FILTER (WHERE r.main_artist <> '')::numeric / count(*), 4) AS main_artist,
                       round(count(*) FILTER (WHERE r.title <> '')::numeric / count(*), 4) AS title,
                       round(count(*) FILTER (WHERE r.version_title IS NOT NULL)::numeric / count(*), 4)
                           AS version_title,
                       round(count(*) FILTER (WHERE r.duration_ms > 0)::numeric / count(*), 4) AS duration,
                       round(count(*) FILTER (WHERE r.kind IS NOT NULL)::numeric / count(*), 4) AS content_type,
                       round(count(*) FILTER (WHERE r.first_published IS NOT NULL)::numeric / count(*), 4)
                           AS first_published,
                       count(*) FILTER (WHERE %s) AS incomplete
                FROM compliance_recording r LEFT JOIN prefix_view p ON p.prefix_code = r.prefix_code
                LEFT JOIN registrant_view g ON g.registrant_id = p.registrant_id
                WHERE r.status = 'ACTIVE' AND %s GROUP BY r.prefix_code, p.registrant_id, g.legal_name"""
                .formatted(INCOMPLETE, filter.where()),
                filter.args, List.of(Key.text("prefix")));
    }

    private static final String INCOMPLETE = "r.main_artist = '' OR r.title = '' OR r.version_title IS NULL"
            + " OR r.duration_ms <= 0 OR r.kind IS NULL OR r.first_published IS NULL";

    /** The active recordings missing one of IFPI's minimum fields, and which. */
    public Report missingFields(PrefixCode prefix, Set<PrefixCode> scope) {
        Filter filter = Filter.prefix("r.prefix_code", prefix);
        filter.scope("r.prefix_code", scope);
        return new Report("missing-fields", """
                SELECT r.isrc, r.prefix_code AS prefix, r.title, r.main_artist,
                       array_to_string(ARRAY[CASE WHEN r.main_artist = '' THEN 'mainArtist' END,
                           CASE WHEN r.title = '' THEN 'title' END,
                           CASE WHEN r.version_title IS NULL THEN 'versionTitle' END,
                           CASE WHEN r.duration_ms <= 0 THEN 'duration' END,
                           CASE WHEN r.kind IS NULL THEN 'contentType' END,
                           CASE WHEN r.first_published IS NULL THEN 'firstPublished' END], ' ') AS missing
                FROM compliance_recording r WHERE r.status = 'ACTIVE' AND (%s) AND %s"""
                .formatted(INCOMPLETE, filter.where()), filter.args, List.of(Key.text("isrc")));
    }

    /** Every withdrawn code, why, and the code it points to (a duplicate's survivor) with that code's status. */
    public Report withdrawals(PrefixCode prefix, Set<PrefixCode> scope) {
        Filter filter = Filter.prefix("w.prefix_code", prefix);
        filter.scope("w.prefix_code", scope);
        return new Report("withdrawals", """
                SELECT w.isrc, w.prefix_code AS prefix, w.withdrawn_at, w.withdrawal_reason AS reason,
                       w.duplicate_of AS points_to, s.status AS points_to_status
                FROM compliance_recording w LEFT JOIN compliance_recording s ON s.isrc = w.duplicate_of
                WHERE w.status = 'WITHDRAWN' AND %s""".formatted(filter.where()), filter.args,
                List.of(Key.text("isrc")));
    }

    /** Codes assigned, imported, transferred and withdrawn per prefix and month (UTC) in [from, to). */
    public Report activity(PrefixCode prefix, LocalDate from, LocalDate to, Set<PrefixCode> scope) {
        Filter filter = new Filter();
        filter.add("month >= ? AND month < ?", Date.valueOf(from.withDayOfMonth(1)), Date.valueOf(to));
        if (prefix != null) {
            filter.add("prefix_code = ?", prefix.value());
        }
        filter.scope("prefix_code", scope);
        return new Report("activity", """
                SELECT prefix_code AS prefix, month, assigned, imported, transferred, withdrawn
                FROM compliance_activity WHERE %s""".formatted(filter.where()), filter.args,
                List.of(Key.text("prefix"), Key.date("month")));
    }

    /** The conflict queue. */
    public Report conflicts(String status, PrefixCode prefix, Set<PrefixCode> scope) {
        Filter filter = new Filter();
        if (status != null) {
            filter.add("status = ?", status);
        }
        if (prefix != null) {
            filter.add("(first_prefix = ? OR second_prefix = ?)", prefix.value(), prefix.value());
        }
        filter.scope2("first_prefix", "second_prefix", scope);
        return new Report("conflicts", """
                SELECT conflict_id AS id, first_isrc, second_isrc, basis, status, opened_at, opened_by, resolution,
                       withdrawn_isrc, survivor_isrc, reason, resolved_at, resolved_by
                FROM compliance_conflict WHERE %s""".formatted(filter.where()), filter.args,
                List.of(Key.text("id")));
    }

    /** One conflict of the queue, as {@link #conflicts} shows it. */
    public Report conflict(String id) {
        return new Report("conflict", """
                SELECT conflict_id AS id, first_isrc, second_isrc, basis, status, opened_at, opened_by, resolution,
                       withdrawn_isrc, survivor_isrc, reason, resolved_at, resolved_by
                FROM compliance_conflict WHERE conflict_id = ?""", List.of(id), List.of(Key.text("id")));
    }

    /** Whether anything was done, or refused, by this actor (within the scope). */
    public boolean knownActor(String actor, Set<PrefixCode> scope) {
        Filter events = new Filter();
        events.add("actor = ?", actor);
        events.scope("prefix_code", scope);
        List<Object> args = new ArrayList<>(events.args);
        args.addAll(events.args);
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM compliance_event WHERE "
                + events.where() + ") OR EXISTS (SELECT 1 FROM refused_command WHERE " + events.where() + ")",
                Boolean.class, args.toArray()));
    }

    /** A query's WHERE clause and its arguments, built condition by condition. */
    private static final class Filter {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> args = new ArrayList<>();

        /** The rows of one prefix (in the column), or of every prefix when it is null. */
        static Filter prefix(String column, PrefixCode prefix) {
            Filter filter = new Filter();
            if (prefix != null) {
                filter.add(column + " = ?", prefix.value());
            }
            return filter;
        }

        void add(String condition, Object... values) {
            conditions.add(condition);
            args.addAll(List.of(values));
        }

        void scope(String column, Set<PrefixCode> scope) {
            if (scope != null) {
                add(column + "::text = ANY (string_to_array(?, ','))", codes(scope));
            }
        }

        void scope2(String first, String second, Set<PrefixCode> scope) {
            if (scope != null) {
                add("(" + first + "::text = ANY (string_to_array(?, ',')) OR " + second
                        + "::text = ANY (string_to_array(?, ',')))", codes(scope), codes(scope));
            }
        }

        private static String codes(Set<PrefixCode> scope) {
            return scope.stream().map(PrefixCode::value).sorted().collect(Collectors.joining(","));
        }

        String where() {
            return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
        }
    }
}
