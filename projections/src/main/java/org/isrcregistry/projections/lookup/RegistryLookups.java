package org.isrcregistry.projections.lookup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.PrefixAllocated;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.PrefixTransferred;
import org.isrcregistry.core.registrant.RegistrantDeactivated;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantRegistered;
import org.isrcregistry.core.registrant.RegistrantUpdated;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.MetadataCorrected;
import org.isrcregistry.core.recording.RecordingCreated;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the lookups behind {@link JdbcRecordingCatalogue}, {@link JdbcRegistrantCodes} and {@link JdbcRegistrants} in
 * the same transaction as the events. Subscribed to the event store itself: it receives all the events of a unit of
 * work at once, when the unit of work prepares to commit, after the events are appended and inside the same
 * transaction; whatever it throws rolls the command back. The recordings a unit of work creates are written with one
 * statement per table, so a batch of 2,000 registrations costs two round trips, not 4,000.
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
            } else if (payload instanceof PrefixAllocated allocated) {
                holder(allocated.prefixCode(), allocated.registrantId());
            } else if (payload instanceof PrefixTransferred transferred) {
                holder(transferred.prefixCode(), transferred.to());
            } else if (payload instanceof RegistrantRegistered registered) {
                jdbc.update("INSERT INTO lookup_registrant (registrant_id, kind, active, yearly_cap) VALUES (?, ?, true, ?)",
                        registered.registrantId().value(), registered.kind().name(),
                        registered.terms() == null ? null : registered.terms().yearlyCap());
            } else if (payload instanceof RegistrantUpdated updated) {
                jdbc.update("UPDATE lookup_registrant SET yearly_cap = ? WHERE registrant_id = ?",
                        updated.terms() == null ? null : updated.terms().yearlyCap(), updated.registrantId().value());
            } else if (payload instanceof RegistrantDeactivated deactivated) {
                jdbc.update("UPDATE lookup_registrant SET active = false WHERE registrant_id = ?",
                        deactivated.registrantId().value());
            }
        }
        insert(created);
    }

    private void holder(PrefixCode prefix, RegistrantId registrant) {
        jdbc.update("UPDATE lookup_prefix_code SET registrant_id = ? WHERE prefix_code = ?", registrant.value(),
                prefix.value());
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
