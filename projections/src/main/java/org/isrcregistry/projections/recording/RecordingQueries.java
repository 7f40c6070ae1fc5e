package org.isrcregistry.projections.recording;

import java.util.List;
import java.util.Optional;
import org.isrcregistry.core.identifier.Isrc;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the recordings' read model. */
public class RecordingQueries {

    private final JdbcTemplate jdbc;

    public RecordingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The recording's current state as the read model holds it (see {@link RecordingProjection}). */
    public Optional<RecordingState> find(Isrc isrc) {
        List<String> stored = jdbc.queryForList("SELECT state::text FROM recording_view WHERE isrc = ?", String.class,
                isrc.value());
        return stored.stream().findFirst().map(RecordingJson::read);
    }
}
