package org.isrcregistry.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.prefix.DesignationOrigin;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.DesignationTaken;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.recording.Contributor;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;

/**
 * Prepares a large catalogue the fastest honest way: it writes, inside PostgreSQL, exactly what the registry's
 * command side writes for an import of existing codes, and nothing more. Per prefix a {@code PrefixRegistered}; per
 * recording a {@code DesignationTaken} on the prefix's stream and an {@code ExistingIsrcRegistered} opening the
 * recording's stream, serialized from registry-core's own event classes with the registry's Jackson settings; and
 * the rows the registry's same-transaction lookups keep ({@code lookup_prefix_code}, {@code lookup_recording_match},
 * {@code report_code_count}).
 * The read models and the Kafka feed are then built by the registry itself, from its event store, like a rebuild.
 *
 * <p>The events are generated server-side from per-prefix templates ({@code INSERT ... SELECT} over
 * {@code generate_series}, 50,000 recordings per transaction), so a million recordings take about a minute instead
 * of a million HTTP rows. Each template is checked against the Java serialization of two real events first.
 */
final class CatalogueSeeder {

    /** The seed catalogue's year of reference: an import of existing codes may carry any year. */
    private static final int YEAR = 20;
    private static final int PER_YEAR = 100_000;
    private static final int CHUNK = 50_000;
    private static final String ISRC_MARK = "@ISRC@";
    private static final String LOWER_MARK = "@isrc_lower@";

    /** The codes of the catalogue, computable from an index so a million of them need not be kept in memory. */
    record Catalogue(List<String> prefixes, int perPrefix, long size) {

        String isrc(long index) {
            String prefix = prefixes.get((int) (index / perPrefix));
            int n = (int) (index % perPrefix);
            return prefix + "%02d%05d".formatted(YEAR - n / PER_YEAR, n % PER_YEAR);
        }

        static String title(String isrc) {
            return "Catalogue recording " + isrc;
        }
    }


    /** Seeds {@code size} recordings over {@code prefixCount} new prefixes; returns the catalogue and the events written. */
    record Seeded(Catalogue catalogue, long events, double seconds) {
    }

    Seeded seed(Connection connection, int size, int prefixCount) throws SQLException {
        return seed(connection, size, prefixCount, false);
    }

    /**
     * @param transferred whether every recording's ownership is also transferred once (a third event per recording,
     *                    as a catalogue with a history has: the compliance reports' audits and as-of queries read it)
     */
    Seeded seed(Connection connection, int size, int prefixCount, boolean transferred) throws SQLException {
        int perPrefix = (size + prefixCount - 1) / prefixCount;
        if (perPrefix > PER_YEAR * YEAR) {
            throw new IllegalArgumentException("At most " + PER_YEAR * YEAR + " recordings per prefix");
        }
        List<String> prefixes = freePrefixes(connection, prefixCount);
        Catalogue catalogue = new Catalogue(prefixes, perPrefix, size);
        long started = System.nanoTime();
        long events = 0;
        connection.setAutoCommit(false);
        for (int p = 0; p < prefixes.size(); p++) {
            PrefixCode prefix = PrefixCode.parse(prefixes.get(p));
            events += registerPrefix(connection, prefix);
            int count = (int) Math.min(perPrefix, size - (long) p * perPrefix);
            for (int from = 0; from < count; from += CHUNK) {
                int to = Math.min(count, from + CHUNK);
                // A chunk never crosses a year: CHUNK divides PER_YEAR.
                events += seedChunk(connection, prefix, from, to, transferred);
                connection.commit();
                Bench.say("  seeded %,d of %,d recordings", (long) p * perPrefix + to, (long) size);
            }
        }
        connection.setAutoCommit(true);
        return new Seeded(catalogue, events, (System.nanoTime() - started) / 1e9);
    }

    /** Prefix codes {@code QZ<letter><nn>} no registry event uses yet, so seeding twice into one registry works. */
    private static List<String> freePrefixes(Connection connection, int count) throws SQLException {
        for (char letter = 'C'; letter <= 'Z'; letter++) {
            List<String> codes = Prefixes.codes(letter, count);
            try (PreparedStatement used = connection.prepareStatement(
                    "SELECT count(*) FROM lookup_prefix_code WHERE prefix_code = ANY (?)")) {
                used.setArray(1, connection.createArrayOf("text", codes.toArray()));
                try (ResultSet rs = used.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return codes;
                    }
                }
            }
        }
        throw new IllegalStateException("No free seed prefixes left in QZC.. to QZZ..");
    }

    private long registerPrefix(Connection connection, PrefixCode prefix) throws SQLException {
        PrefixRegistered event = new PrefixRegistered(prefix, DesignationRange.full());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Prefix', gen_random_uuid()::text, ?, ?, ?, ?, %s)""".formatted(NOW));
             PreparedStatement lookup = connection.prepareStatement(
                     "INSERT INTO lookup_prefix_code (prefix_code, country_code) VALUES (?, ?)")) {
            insert.setString(1, prefix.value());
            insert.setBytes(2, SeedEvents.metadata("catalogue-seed-" + prefix.value()));
            insert.setBytes(3, SeedEvents.json(event).getBytes(StandardCharsets.UTF_8));
            insert.setString(4, SeedEvents.revision(PrefixRegistered.class));
            insert.setString(5, PrefixRegistered.class.getName());
            insert.executeUpdate();
            lookup.setString(1, prefix.value());
            lookup.setString(2, prefix.countryCode().value());
            lookup.executeUpdate();
        }
        return 1;
    }

    private static final String NOW =
            "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

    private long seedChunk(Connection connection, PrefixCode prefix, int from, int to, boolean transferred)
            throws SQLException {
        Isrc sentinel = Isrc.of(prefix, 99, 99_999);
        String designationTemplate = template(
                SeedEvents.json(new DesignationTaken(prefix, sentinel, DesignationOrigin.IMPORTED)), sentinel);
        String recordingTemplate = template(SeedEvents.json(created(sentinel)), sentinel);
        String transferTemplate = template(SeedEvents.json(transfer(sentinel)), sentinel);
        String matchTemplate = created(sentinel).details().metadata().matchKey()
                .replace(sentinel.value().toLowerCase(Locale.ROOT), LOWER_MARK);
        for (Isrc sample : List.of(Isrc.of(prefix, YEAR, 1), Isrc.of(prefix, YEAR, 12_345))) {
            check(designationTemplate, sample, SeedEvents.json(new DesignationTaken(prefix, sample, DesignationOrigin.IMPORTED)));
            check(recordingTemplate, sample, SeedEvents.json(created(sample)));
            check(transferTemplate, sample, SeedEvents.json(transfer(sample)));
            check(matchTemplate, sample, created(sample).details().metadata().matchKey());
        }
        int year = YEAR - from / PER_YEAR;
        String codePrefix = prefix.value() + "%02d".formatted(year);
        try (PreparedStatement events = connection.prepareStatement("""
                WITH c AS (
                    SELECT n, ? || lpad((n %% 100000)::text, 5, '0') AS isrc FROM generate_series(?, ?) AS n)
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                SELECT e.agg, e.seq, e.type, gen_random_uuid()::text, ?,
                       convert_to(replace(e.tpl, '@ISRC@', c.isrc), 'UTF8'), e.rev, e.ptype, %s
                FROM c CROSS JOIN LATERAL (VALUES
                    (0, ?::text, c.n + 1, 'Prefix', ?::text, ?::text, ?::text),
                    (1, c.isrc, 0, 'Recording', ?::text, ?::text, ?::text)%s) AS e(ord, agg, seq, type, tpl, rev, ptype)
                ORDER BY c.n, e.ord""".formatted(NOW, transferred
                ? ",\n                    (2, c.isrc, 1, 'Recording', ?::text, ?::text, ?::text)" : ""));
             PreparedStatement lookups = connection.prepareStatement("""
                     INSERT INTO lookup_recording_match (isrc, match_key, duration_ms)
                     SELECT isrc, replace(?, '@isrc_lower@', lower(isrc)), ?
                     FROM (SELECT ? || lpad((n % 100000)::text, 5, '0') AS isrc FROM generate_series(?, ?) AS n) c""");
             PreparedStatement counted = connection.prepareStatement("""
                     INSERT INTO report_code_count AS c (stored_in, prefix_code, origin, kind, codes)
                     VALUES (date_bin('15 minutes', clock_timestamp(), TIMESTAMPTZ '2000-01-01 00:00:00+00'), ?,
                         'IMPORTED', 'AUDIO', ?)
                     ON CONFLICT (stored_in, prefix_code, origin, kind) DO UPDATE SET codes = c.codes + EXCLUDED.codes""")) {
            int i = 1;
            events.setString(i++, codePrefix);
            events.setInt(i++, from);
            events.setInt(i++, to - 1);
            events.setBytes(i++, SeedEvents.metadata("catalogue-seed-" + prefix.value()));
            events.setString(i++, prefix.value());
            events.setString(i++, designationTemplate);
            events.setString(i++, SeedEvents.revision(DesignationTaken.class));
            events.setString(i++, DesignationTaken.class.getName());
            events.setString(i++, recordingTemplate);
            events.setString(i++, SeedEvents.revision(ExistingIsrcRegistered.class));
            events.setString(i++, ExistingIsrcRegistered.class.getName());
            if (transferred) {
                events.setString(i++, transferTemplate);
                events.setString(i++, SeedEvents.revision(OwnershipTransferred.class));
                events.setString(i, OwnershipTransferred.class.getName());
            }
            int written = events.executeUpdate();

            lookups.setString(1, matchTemplate);
            lookups.setLong(2, DURATION.millis());
            lookups.setString(3, codePrefix);
            lookups.setInt(4, from);
            lookups.setInt(5, to - 1);
            lookups.executeUpdate();
            counted.setString(1, prefix.value());
            counted.setLong(2, to - from);
            counted.executeUpdate();
            return written;
        }
    }

    private static final RecordingDuration DURATION = RecordingDuration.parse("PT3M18S");

    private static ExistingIsrcRegistered created(Isrc isrc) {
        RecordingMetadata metadata = new RecordingMetadata(Catalogue.title(isrc.value()), null, "Catalogue Artist",
                List.of(new Contributor("Catalogue Artist", "MainArtist")), DURATION, RecordingKind.AUDIO,
                LocalDate.of(2020, 1, 1));
        return new ExistingIsrcRegistered(isrc, new RecordingDetails(metadata, "Catalogue Records", null, null, null));
    }

    private static OwnershipTransferred transfer(Isrc isrc) {
        return new OwnershipTransferred(isrc, "Catalogue Records", "Catalogue Buyers", LocalDate.of(2024, 1, 1));
    }

    private static String template(String json, Isrc sentinel) {
        if (json.contains(ISRC_MARK)) {
            throw new IllegalStateException("The template mark occurs in " + json);
        }
        return json.replace(sentinel.value(), ISRC_MARK);
    }

    /** The SQL substitution must give what Java writes for the same event, byte for byte. */
    private static void check(String template, Isrc sample, String expected) {
        String generated = template.replace(ISRC_MARK, sample.value())
                .replace(LOWER_MARK, sample.value().toLowerCase(Locale.ROOT));
        if (!generated.equals(expected)) {
            throw new IllegalStateException("The seed template no longer matches the event's serialization:\n"
                    + generated + "\n" + expected);
        }
    }

    static List<String> codesOf(Catalogue catalogue, int count) {
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add(catalogue.isrc((long) i * catalogue.size() / count));
        }
        return codes;
    }
}
