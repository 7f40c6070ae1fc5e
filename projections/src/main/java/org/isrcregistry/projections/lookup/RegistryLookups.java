package org.isrcregistry.projections.lookup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.MetadataCorrected;
import org.isrcregistry.core.recording.RecordingCreated;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the lookups behind {@link JdbcRecordingCatalogue} and {@link JdbcRegistrantCodes} in the same transaction as
 * the events. Subscribed to the event store itself: it receives all the events of a unit of work at once, when the
 * unit of work prepares to commit, after the events are appended and inside the same transaction; whatever it throws
 * rolls the command back. The recordings a unit of work creates are written with one statement per table, so a batch
 * of 2,000 registrations costs two round trips, not 4,000.
 */
public class RegistryLookups implements Consumer<List<? extends EventMessage<?>>> {

    private final JdbcTemplate jdbc;

    public RegistryLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void accept(List<? extends EventMessage<?>> events) {
        List<RecordingCreated> created = new ArrayList<>();
        for (EventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof RecordingCreated recording) {
                created.add(recording);
                continue;
            }
            if (payload instanceof MetadataCorrected || payload instanceof IsrcWithdrawn) {
                // In the events' order: a recording created, then corrected or withdrawn in the same unit of work.
                insert(created);
                created.clear();
            }
            if (payload instanceof MetadataCorrected corrected) {
                jdbc.update("UPDATE lookup_recording_match SET match_key = ?, duration_ms = ? WHERE isrc = ?",
                        corrected.metadata().matchKey(), corrected.metadata().duration().millis(),
                        corrected.isrc().value());
            } else if (payload instanceof IsrcWithdrawn withdrawn) {
                // A withdrawn code is retired: its audio may be registered again, under one new code.
                jdbc.update("DELETE FROM lookup_fingerprint WHERE isrc = ?", withdrawn.isrc().value());
                jdbc.update("DELETE FROM lookup_recording_match WHERE isrc = ?", withdrawn.isrc().value());
            } else if (payload instanceof PrefixRegistered registered) {
                jdbc.update("INSERT INTO lookup_prefix_code (prefix_code, country_code) VALUES (?, ?)",
                        registered.prefixCode().value(), registered.prefixCode().countryCode().value());
            }
        }
        insert(created);
    }

    private void insert(List<RecordingCreated> created) {
        if (created.isEmpty()) {
            return;
        }
        List<String> fingerprints = new ArrayList<>();
        List<String> fingerprinted = new ArrayList<>();
        for (RecordingCreated recording : created) {
            if (recording.details().fingerprint() != null) {
                fingerprints.add(recording.details().fingerprint().sha256());
                fingerprinted.add(recording.isrc().value());
            }
        }
        if (!fingerprints.isEmpty()) {
            // DO NOTHING rather than a unique violation, which would abort the transaction before it could be told.
            Set<String> inserted = new HashSet<>(jdbc.queryForList("""
                            INSERT INTO lookup_fingerprint (fingerprint, isrc) SELECT * FROM unnest(?::text[], ?::text[])
                            ON CONFLICT (fingerprint) DO NOTHING RETURNING fingerprint""", String.class,
                    fingerprints.toArray(String[]::new), fingerprinted.toArray(String[]::new)));
            if (inserted.size() < fingerprints.size()) {
                // Another transaction registered the same audio between this command's check and its commit (the
                // command's own checks see its batch): decided again, the command refuses the audio's second code.
                throw new ConcurrencyException("the same audio was registered concurrently: "
                        + fingerprints.stream().filter(f -> !inserted.contains(f)).findFirst().orElseThrow());
            }
        }
        jdbc.update("""
                        INSERT INTO lookup_recording_match (isrc, match_key, duration_ms)
                        SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[])""",
                created.stream().map(c -> c.isrc().value()).toArray(String[]::new),
                created.stream().map(c -> c.details().metadata().matchKey()).toArray(String[]::new),
                created.stream().map(c -> c.details().metadata().duration().millis()).toArray(Long[]::new));
    }
}
