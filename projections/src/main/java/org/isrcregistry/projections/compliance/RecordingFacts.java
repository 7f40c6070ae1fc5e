package org.isrcregistry.projections.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingMetadata;

/**
 * A recording as the compliance reports see it ({@code compliance_recording}): its current metadata, parties and
 * status, and how it came to be. {@link #changes} gives the audit's before and after of one event.
 */
record RecordingFacts(String isrc, String prefix, int yearOfReference, String origin, String kind, String status,
                      String title, String versionTitle, String mainArtist, long durationMs, LocalDate firstPublished,
                      String owner, String distributor, String matchKey, String fingerprint, String audioIsrc,
                      String parentIsrc, String versionChange, String withdrawalReason, String duplicateOf,
                      boolean assignedWhileSuspended, Instant createdAt, Instant withdrawnAt, long version) {

    static final String COLUMNS = """
            isrc, prefix_code, year_of_reference, origin, kind, status, title, version_title, main_artist, duration_ms,
            first_published, owner, distributor, match_key, fingerprint, audio_isrc, parent_isrc, version_change,
            withdrawal_reason, duplicate_of, assigned_while_suspended, created_at, withdrawn_at, version""";

    static RecordingFacts created(RecordingCreated event, boolean prefixSuspended, Instant at) {
        RecordingDetails details = event.details();
        RecordingMetadata m = details.metadata();
        IsrcAssigned assigned = event instanceof IsrcAssigned a ? a : null;
        return new RecordingFacts(event.isrc().value(), event.isrc().prefixCode().value(),
                event.isrc().yearOfReference(), event instanceof ExistingIsrcRegistered ? "IMPORTED" : "ASSIGNED",
                m.kind().name(), "ACTIVE", m.title(), m.versionTitle(), m.mainArtist(), m.duration().millis(),
                m.firstPublished(), details.owner(), details.distributor(), m.matchKey(),
                details.fingerprint() == null ? null : details.fingerprint().sha256(),
                details.audioIsrc() == null ? null : details.audioIsrc().value(),
                assigned == null || assigned.parent() == null ? null : assigned.parent().value(),
                assigned == null || assigned.versionReason() == null ? null
                        : assigned.versionReason().change().name(),
                null, null, assigned != null && prefixSuspended, at, null, 0);
    }

    RecordingFacts withMetadata(RecordingMetadata m, long next) {
        return new RecordingFacts(isrc, prefix, yearOfReference, origin, m.kind().name(), status, m.title(),
                m.versionTitle(), m.mainArtist(), m.duration().millis(), m.firstPublished(), owner, distributor,
                m.matchKey(), fingerprint, audioIsrc, parentIsrc, versionChange, withdrawalReason, duplicateOf,
                assignedWhileSuspended, createdAt, withdrawnAt, next);
    }

    RecordingFacts withParties(String newOwner, String newDistributor, long next) {
        return new RecordingFacts(isrc, prefix, yearOfReference, origin, kind, status, title, versionTitle,
                mainArtist, durationMs, firstPublished, newOwner, newDistributor, matchKey, fingerprint, audioIsrc,
                parentIsrc, versionChange, withdrawalReason, duplicateOf, assignedWhileSuspended, createdAt,
                withdrawnAt, next);
    }

    RecordingFacts withdrawn(String reason, String instead, Instant at, long next) {
        return new RecordingFacts(isrc, prefix, yearOfReference, origin, kind, "WITHDRAWN", title, versionTitle,
                mainArtist, durationMs, firstPublished, owner, distributor, matchKey, fingerprint, audioIsrc,
                parentIsrc, versionChange, reason, instead, assignedWhileSuspended, createdAt, at, next);
    }

    RecordingFacts touched(long next) {
        return withParties(owner, distributor, next);
    }

    /** The audited fields, as the audit shows them. */
    Map<String, Object> audited() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("versionTitle", versionTitle);
        fields.put("mainArtist", mainArtist);
        fields.put("duration", RecordingDuration.ofMillis(durationMs).iso());
        fields.put("kind", kind);
        fields.put("firstPublished", firstPublished == null ? null : firstPublished.toString());
        fields.put("owner", owner);
        fields.put("distributor", distributor);
        fields.put("status", status);
        fields.put("withdrawalReason", withdrawalReason);
        fields.put("duplicateOf", duplicateOf);
        return fields;
    }

    /** {field: {before, after}} for every audited field whose value differs; before is absent at creation. */
    static Map<String, Map<String, Object>> changes(RecordingFacts before, RecordingFacts after) {
        Map<String, Object> old = before == null ? Map.of() : before.audited();
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        after.audited().forEach((field, value) -> {
            Object was = old.get(field);
            if (!Objects.equals(was, value)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("before", was);
                change.put("after", value);
                changes.put(field, change);
            }
        });
        return changes;
    }

    Object[] row() {
        return new Object[] {isrc, prefix, yearOfReference, origin, kind, status, title, versionTitle, mainArtist,
                durationMs, firstPublished, owner, distributor, matchKey, fingerprint, audioIsrc, parentIsrc,
                versionChange, withdrawalReason, duplicateOf, assignedWhileSuspended, Timestamp.from(createdAt),
                withdrawnAt == null ? null : Timestamp.from(withdrawnAt), version};
    }

    static RecordingFacts read(ResultSet rs) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new RecordingFacts(rs.getString("isrc"), rs.getString("prefix_code"), rs.getInt("year_of_reference"),
                rs.getString("origin"), rs.getString("kind"), rs.getString("status"), rs.getString("title"),
                rs.getString("version_title"), rs.getString("main_artist"), rs.getLong("duration_ms"),
                rs.getObject("first_published", LocalDate.class), rs.getString("owner"), rs.getString("distributor"),
                rs.getString("match_key"), rs.getString("fingerprint"), rs.getString("audio_isrc"),
                rs.getString("parent_isrc"), rs.getString("version_change"), rs.getString("withdrawal_reason"),
                rs.getString("duplicate_of"), rs.getBoolean("assigned_while_suspended"),
                rs.getTimestamp("created_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant(),
                rs.getLong("version"));
    }
}
