package org.isrcregistry.projections.lookup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.RecordingCatalogue;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The recording catalogue as the command's own transaction sees it; see {@link RegistryLookups}. A batch is asked
 * with one query per rule: arrays bound as parameters, never one round trip per recording.
 */
public class JdbcRecordingCatalogue implements RecordingCatalogue {

    private static final long TOLERANCE = RecordingMetadata.DUPLICATE_DURATION_TOLERANCE_MILLIS;

    private final JdbcTemplate jdbc;

    public JdbcRecordingCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Isrc> activeRecordingWithFingerprint(AudioFingerprint fingerprint) {
        return Optional.ofNullable(activeRecordingsWithFingerprints(List.of(fingerprint)).get(fingerprint));
    }

    @Override
    public List<Isrc> possibleDuplicatesOf(RecordingMetadata metadata) {
        return possibleDuplicatesOfEach(List.of(metadata)).get(metadata);
    }

    @Override
    public Map<AudioFingerprint, Isrc> activeRecordingsWithFingerprints(Collection<AudioFingerprint> fingerprints) {
        Map<AudioFingerprint, Isrc> found = new HashMap<>();
        if (!fingerprints.isEmpty()) {
            jdbc.query("SELECT fingerprint, isrc FROM lookup_fingerprint WHERE fingerprint = ANY (?)",
                    rs -> {
                        found.put(AudioFingerprint.of(rs.getString(1)), Isrc.parse(rs.getString(2)));
                    },
                    (Object) fingerprints.stream().map(AudioFingerprint::sha256).toArray(String[]::new));
        }
        return found;
    }

    @Override
    public Map<RecordingMetadata, List<Isrc>> possibleDuplicatesOfEach(Collection<RecordingMetadata> metadata) {
        List<RecordingMetadata> asked = List.copyOf(metadata);
        Map<Integer, List<Isrc>> byPosition = new TreeMap<>();
        if (!asked.isEmpty()) {
            jdbc.query("""
                            SELECT q.n, m.isrc
                            FROM unnest(?::text[], ?::bigint[]) WITH ORDINALITY AS q (match_key, duration_ms, n)
                            JOIN lookup_recording_match m ON m.match_key = q.match_key
                                AND m.duration_ms BETWEEN q.duration_ms - ? AND q.duration_ms + ?
                            ORDER BY q.n, m.isrc""",
                    rs -> {
                        byPosition.computeIfAbsent(rs.getInt(1) - 1, n -> new ArrayList<>())
                                .add(Isrc.parse(rs.getString(2)));
                    },
                    asked.stream().map(RecordingMetadata::matchKey).toArray(String[]::new),
                    asked.stream().mapToLong(m -> m.duration().millis()).boxed().toArray(Long[]::new),
                    TOLERANCE, TOLERANCE);
        }
        Map<RecordingMetadata, List<Isrc>> found = new HashMap<>();
        for (int n = 0; n < asked.size(); n++) {
            found.put(asked.get(n), byPosition.getOrDefault(n, List.of()));
        }
        return found;
    }
}
