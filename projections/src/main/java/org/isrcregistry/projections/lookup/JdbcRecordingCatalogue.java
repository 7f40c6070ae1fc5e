package org.isrcregistry.projections.lookup;

import java.util.List;
import java.util.Optional;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.rule.RecordingCatalogue;
import org.springframework.jdbc.core.JdbcTemplate;

/** The recording catalogue as the command's own transaction sees it; see {@link RegistryLookups}. */
public class JdbcRecordingCatalogue implements RecordingCatalogue {

    private final JdbcTemplate jdbc;

    public JdbcRecordingCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Isrc> activeRecordingWithFingerprint(AudioFingerprint fingerprint) {
        return jdbc.queryForList("SELECT isrc FROM lookup_fingerprint WHERE fingerprint = ?", String.class,
                fingerprint.sha256()).stream().findFirst().map(Isrc::parse);
    }

    @Override
    public List<Isrc> possibleDuplicatesOf(RecordingMetadata metadata) {
        long duration = metadata.duration().millis();
        return jdbc.queryForList("""
                        SELECT isrc FROM lookup_recording_match
                        WHERE match_key = ? AND duration_ms BETWEEN ? AND ? ORDER BY isrc""", String.class,
                metadata.matchKey(), duration - RecordingMetadata.DUPLICATE_DURATION_TOLERANCE_MILLIS,
                duration + RecordingMetadata.DUPLICATE_DURATION_TOLERANCE_MILLIS).stream().map(Isrc::parse).toList();
    }
}
