package org.isrcregistry.projections.lookup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.AssignedForClient;
import org.isrcregistry.core.prefix.PrefixAllocated;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.PrefixTransferred;
import org.isrcregistry.core.registrant.ClientAuthorised;
import org.isrcregistry.core.registrant.RegistrantDeactivated;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantRegistered;
import org.isrcregistry.core.registrant.RegistrantUpdated;
import org.isrcregistry.core.recording.IsrcAssigned;
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
        List<EventMessage<?>> forClients = new ArrayList<>();
        Map<List<Object>, Long> codeCounts = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof RecordingCreated recording) {
                created.add(recording);
                codeCounts.merge(List.of(quarterHour(event.getTimestamp()), recording.isrc().prefixCode().value(),
                        recording instanceof IsrcAssigned ? "ASSIGNED" : "IMPORTED",
                        recording.details().metadata().kind().name()), 1L, Long::sum);
                continue;
            }
            if (payload instanceof AssignedForClient) {
                forClients.add(event);
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
            } else if (payload instanceof ClientAuthorised authorised) {
                jdbc.update("""
                                INSERT INTO lookup_manager_client (client_id, registrant_id, name, authorised_on,
                                    evidence_reference, recorded_at) VALUES (?, ?, ?, ?, ?, ?)""",
                        authorised.clientId().value(), authorised.registrantId().value(), authorised.client(),
                        authorised.authorisedOn(), authorised.evidenceReference(),
                        Timestamp.from(event.getTimestamp()));
            } else if (payload instanceof RegistrantDeactivated deactivated) {
                jdbc.update("UPDATE lookup_registrant SET active = false WHERE registrant_id = ?",
                        deactivated.registrantId().value());
            }
        }
        insert(created);
        assignedForClients(forClients);
        countCodes(codeCounts);
    }

    /** The quarter hour an event was stored in: every time zone's year starts on one. */
    private static Timestamp quarterHour(Instant at) {
        long seconds = at.getEpochSecond();
        return Timestamp.from(Instant.ofEpochSecond(seconds - Math.floorMod(seconds, QUARTER_HOUR)));
    }

    private static final long QUARTER_HOUR = 15 * 60;

    /** The yearly report's count of codes created (V112), one statement for the unit of work. */
    private void countCodes(Map<List<Object>, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<List<Object>> keys = List.copyOf(counts.keySet());
        jdbc.update("""
                        INSERT INTO report_code_count AS c (stored_in, prefix_code, origin, kind, codes)
                        SELECT * FROM unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                        ON CONFLICT (stored_in, prefix_code, origin, kind) DO UPDATE SET codes = c.codes + EXCLUDED.codes""",
                keys.stream().map(k -> k.get(0)).toArray(Timestamp[]::new),
                keys.stream().map(k -> k.get(1)).toArray(String[]::new),
                keys.stream().map(k -> k.get(2)).toArray(String[]::new),
                keys.stream().map(k -> k.get(3)).toArray(String[]::new),
                keys.stream().map(counts::get).toArray(Long[]::new));
    }

    /**
     * The codes managers assigned for their clients, and each manager's count for the year. The counter's row lock
     * orders two transactions of one manager (on two of its prefixes, or two nodes): the later reads the earlier's
     * count, and if together they pass the cap it is decided again, where the cap refuses it.
     */
    private void assignedForClients(List<EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        List<AssignedForClient> assigned = events.stream().map(e -> (AssignedForClient) e.getPayload()).toList();
        jdbc.update("""
                        INSERT INTO manager_client_code (client_id, isrc, registrant_id, assigned_at)
                        SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::timestamptz[])""",
                assigned.stream().map(a -> a.client().value()).toArray(UUID[]::new),
                assigned.stream().map(a -> a.isrc().value()).toArray(String[]::new),
                assigned.stream().map(a -> a.manager().value()).toArray(UUID[]::new),
                events.stream().map(e -> Timestamp.from(e.getTimestamp())).toArray(Timestamp[]::new));
        Map<List<Object>, Integer> counts = new LinkedHashMap<>();
        assigned.forEach(a -> counts.merge(List.of(a.manager().value(), a.isrc().yearOfReference()), 1, Integer::sum));
        counts.forEach((key, n) -> {
            Boolean withinCap = jdbc.queryForObject("""
                            INSERT INTO lookup_manager_year AS y (registrant_id, year_of_reference, assigned)
                            VALUES (?, ?, ?) ON CONFLICT (registrant_id, year_of_reference)
                            DO UPDATE SET assigned = y.assigned + EXCLUDED.assigned
                            RETURNING y.assigned <= coalesce((SELECT yearly_cap FROM lookup_registrant
                                WHERE registrant_id = y.registrant_id), y.assigned)""",
                    Boolean.class, key.get(0), key.get(1), n);
            if (!Boolean.TRUE.equals(withinCap)) {
                throw new ConcurrencyException("ISRC Manager " + key.get(0) + " passed its yearly cap with codes"
                        + " assigned concurrently on another of its prefixes");
            }
        });
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
