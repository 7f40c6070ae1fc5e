package org.isrcregistry.projections.recording;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.DistributorChanged;
import org.isrcregistry.core.recording.NewVersionDeclared;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.core.recording.Release;
import org.isrcregistry.core.recording.ReleaseLinked;
import org.isrcregistry.core.recording.VersionReason;
import org.isrcregistry.core.recording.WorkLinked;
import org.isrcregistry.core.recording.MatchingText;
import org.isrcregistry.projections.ReadModel;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;
import org.isrcregistry.projections.jdbc.Table.Load;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the recordings' read models: {@code recording_view} (the {@link RecordingState} fold of each recording),
 * lineage, releases, works and the owner/distributor history. A batch folds its events in memory and writes each
 * table with one JDBC batch. An event at or below a row's version is skipped, so a replay never applies it twice.
 */
@ProcessingGroup(RecordingProjection.PROCESSING_GROUP)
public class RecordingProjection extends ReadModel {

    public static final String PROCESSING_GROUP = "recordings";

    static final Table VIEW = new Table("recording_view", """
            isrc, prefix_code, year_of_reference, kind, status, title, version_title, main_artist, title_match,
            artist_match, duration_ms, first_published, owner, distributor, parent_isrc, created_at, updated_at,
            version, state""", "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb", """
            ON CONFLICT (isrc) DO UPDATE SET
                kind = EXCLUDED.kind, status = EXCLUDED.status, title = EXCLUDED.title,
                version_title = EXCLUDED.version_title, main_artist = EXCLUDED.main_artist,
                title_match = EXCLUDED.title_match, artist_match = EXCLUDED.artist_match,
                duration_ms = EXCLUDED.duration_ms, first_published = EXCLUDED.first_published,
                owner = EXCLUDED.owner, distributor = EXCLUDED.distributor, parent_isrc = EXCLUDED.parent_isrc,
                updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, state = EXCLUDED.state
            WHERE {table}.version < EXCLUDED.version""", Load.COPY);
    // A child's creation and its parent's NewVersionDeclared both give the pair: not bulk.
    static final Table LINEAGE = new Table("recording_lineage", "parent_isrc, child_isrc, change, description",
            "?, ?, ?, ?", "ON CONFLICT DO NOTHING", Load.STATEMENT);
    static final Table PARTY = new Table("recording_party_history",
            "isrc, sequence_number, role, party, previous_party, effective_date, recorded_at",
            "?, ?, ?, ?, ?, ?, ?", "ON CONFLICT DO NOTHING", Load.APPEND);
    static final Table RELEASE = new Table("recording_release",
            "isrc, release_code, code_kind, title, format, territories, linked_at", "?, ?, ?, ?, ?, ?::text[], ?",
            "ON CONFLICT DO NOTHING", Load.STATEMENT);
    static final Table WORK = new Table("recording_work", "isrc, iswc, linked_at", "?, ?, ?",
            "ON CONFLICT DO NOTHING", Load.STATEMENT);

    public RecordingProjection(JdbcTemplate jdbc) {
        super(jdbc, PROCESSING_GROUP, VIEW, LINEAGE, PARTY, RELEASE, WORK);
    }

    /**
     * Folds the event into its recording's state (loaded from {@code recording_view} unless this batch has it) and
     * puts the rows it changes. A creation starts the stream: nothing before it to load.
     */
    @Override
    public void apply(EventMessage<?> message, long position, Rows rows) {
        if (!RecordingEvent.class.isAssignableFrom(message.getPayloadType())
                || !(message instanceof DomainEventMessage<?> domain)) {
            return;
        }
        RecordingEvent event = (RecordingEvent) message.getPayload();
        long sequence = domain.getSequenceNumber();
        Instant at = message.getTimestamp();
        Map<Isrc, RecordingState> folded = rows.resource(PROCESSING_GROUP + ".states", HashMap::new);
        Isrc isrc = event.isrc();
        RecordingState current = folded.containsKey(isrc) || event instanceof RecordingCreated
                ? folded.get(isrc) : load(rows.name(VIEW), isrc);
        if (current != null && sequence <= current.version()) {
            return;
        }
        RecordingState next = current == null ? RecordingState.start(event, at) : current.apply(event, at);
        folded.put(isrc, next);
        rows.put(VIEW, isrc, viewRow(next));
        Timestamp time = Timestamp.from(at);
        if (event instanceof RecordingCreated) {
            rows.add(PARTY, isrc.value(), sequence, "OWNER", next.owner(), null, null, time);
            if (next.distributor() != null) {
                rows.add(PARTY, isrc.value(), sequence, "DISTRIBUTOR", next.distributor(), null, null, time);
            }
            if (next.parent() != null) {
                rows.add(LINEAGE, lineageRow(next.parent(), isrc, next.versionReason()));
            }
        } else if (event instanceof NewVersionDeclared declared) {
            rows.add(LINEAGE, lineageRow(isrc, declared.newIsrc(), declared.reason()));
        } else if (event instanceof OwnershipTransferred transfer) {
            rows.add(PARTY, isrc.value(), sequence, "OWNER", transfer.newOwner(), transfer.previousOwner(),
                    transfer.effectiveDate(), time);
        } else if (event instanceof DistributorChanged change) {
            rows.add(PARTY, isrc.value(), sequence, "DISTRIBUTOR", change.distributor(),
                    change.previousDistributor(), change.effectiveDate(), time);
        } else if (event instanceof ReleaseLinked linked) {
            Release release = linked.release();
            rows.add(RELEASE, isrc.value(), release.code().value(), release.code().kind(), release.title(),
                    release.format(), "{" + String.join(",", release.territories().stream().sorted().toList()) + "}",
                    time);
        } else if (event instanceof WorkLinked linked) {
            rows.add(WORK, isrc.value(), linked.iswc().value(), time);
        }
    }

    private RecordingState load(String table, Isrc isrc) {
        List<String> stored = jdbc.queryForList("SELECT state::text FROM " + table + " WHERE isrc = ?", String.class,
                isrc.value());
        return stored.isEmpty() ? null : RecordingJson.read(stored.get(0));
    }

    private static Object[] viewRow(RecordingState s) {
        return new Object[] {s.isrc().value(), s.prefix().value(), s.yearOfReference(), s.kind().name(),
                s.status().name(), s.title(), s.versionTitle(), s.mainArtist(), MatchingText.normalise(s.title()),
                MatchingText.normalise(s.mainArtist()), s.duration().millis(), s.firstPublished(), s.owner(),
                s.distributor(), s.parent() == null ? null : s.parent().value(), Timestamp.from(s.createdAt()),
                Timestamp.from(s.updatedAt()), s.version(), RecordingJson.write(s)};
    }

    private static Object[] lineageRow(Isrc parent, Isrc child, VersionReason reason) {
        return new Object[] {parent.value(), child.value(), reason == null ? null : reason.change().name(),
                reason == null ? null : reason.description()};
    }
}
