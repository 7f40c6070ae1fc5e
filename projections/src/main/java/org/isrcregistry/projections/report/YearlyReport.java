package org.isrcregistry.projections.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.common.DateTimeUtils;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.PrefixReinstated;
import org.isrcregistry.core.prefix.PrefixSuspended;
import org.isrcregistry.core.prefix.PrefixTransferred;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.registrant.RegistrantDeactivated;
import org.isrcregistry.core.registrant.RegistrantRegistered;
import org.isrcregistry.core.registrant.RegistrantUpdated;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agency's yearly report to IFPI, computed from the event store itself: every figure counts the events stored
 * before the end of the year (in the agency's time zone), by the time they were stored. Stored events are never
 * rewritten and later ones are stored later, so the report for a past year is the same whenever it is asked for.
 */
public class YearlyReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public YearlyReport(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /**
     * @param complete false for the current year: the figures so far
     */
    public record Report(int year, String timeZone, Instant from, Instant until, boolean complete,
                         Registrants registrants, Map<String, Long> managersByTier, Prefixes prefixes,
                         Codes codes) {
    }

    public record Registrants(long atYearEnd, long newInYear, long deactivatedInYear) {
    }

    public record Prefixes(long atYearEnd, long newInYear, long transfersInYear, long suspensionsInYear,
                           long reinstatementsInYear) {
    }

    /** Codes assigned by the registry in the year, and codes assigned elsewhere imported in it. */
    public record Codes(long assigned, Map<String, Long> assignedByKind, long imported, List<PrefixCodes> byPrefix) {
    }

    public record PrefixCodes(String prefix, long assigned, long imported) {
    }

    public Report of(int year, Instant now) {
        Instant from = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, zone).toInstant();
        Instant until = ZonedDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, zone).toInstant();
        String start = stamp(from);
        String end = stamp(until);
        return new Report(year, zone.getId(), from, until, !now.isBefore(until),
                registrants(start, end), managersByTier(end), prefixes(start, end), codes(start, end));
    }

    /** Event timestamps are stored as ISO-8601 UTC text in Axon's one format, so they compare as text. */
    private static String stamp(Instant instant) {
        return DateTimeUtils.formatInstant(instant);
    }

    private long count(String type, String start, String end) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ? AND timestamp >= ?"
                + " AND timestamp < ?", Long.class, type, start, end);
    }

    private Registrants registrants(String start, String end) {
        long registered = count(RegistrantRegistered.class.getName(), "", end);
        long deactivated = count(RegistrantDeactivated.class.getName(), "", end);
        return new Registrants(registered - deactivated, count(RegistrantRegistered.class.getName(), start, end),
                count(RegistrantDeactivated.class.getName(), start, end));
    }

    /** Each manager's tier as its file said at the end of the year (its last registration or update before it). */
    private Map<String, Long> managersByTier(String end) {
        Map<String, String> tiers = new HashMap<>();
        jdbc.query("""
                SELECT aggregateidentifier, payloadtype, convert_from(payload, 'UTF8') FROM domainevententry
                WHERE payloadtype IN (?, ?, ?) AND timestamp < ? ORDER BY globalindex""", rs -> {
            String registrant = rs.getString(1);
            if (rs.getString(2).equals(RegistrantDeactivated.class.getName())) {
                tiers.remove(registrant);
                return;
            }
            JsonNode terms = read(rs.getString(3)).path("terms");
            if (terms.isObject()) {
                tiers.put(registrant, terms.path("tier").asText());
            } else {
                tiers.remove(registrant);
            }
        }, RegistrantRegistered.class.getName(), RegistrantUpdated.class.getName(),
                RegistrantDeactivated.class.getName(), end);
        Map<String, Long> byTier = new TreeMap<>(Map.of("LOW_VOLUME", 0L, "HIGH_VOLUME", 0L));
        tiers.values().forEach(tier -> byTier.merge(tier, 1L, Long::sum));
        return byTier;
    }

    private Prefixes prefixes(String start, String end) {
        return new Prefixes(count(PrefixRegistered.class.getName(), "", end),
                count(PrefixRegistered.class.getName(), start, end), count(PrefixTransferred.class.getName(), start, end),
                count(PrefixSuspended.class.getName(), start, end), count(PrefixReinstated.class.getName(), start, end));
    }

    private Codes codes(String start, String end) {
        Map<String, Long> byKind = new TreeMap<>();
        jdbc.query("""
                SELECT convert_from(payload, 'UTF8')::jsonb #>> '{details,metadata,kind}', count(*) FROM domainevententry
                WHERE payloadtype = ? AND timestamp >= ? AND timestamp < ? GROUP BY 1""",
                rs -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                }, IsrcAssigned.class.getName(), start, end);
        Map<String, long[]> byPrefix = new TreeMap<>();
        jdbc.query("""
                SELECT left(aggregateidentifier, 5), payloadtype, count(*) FROM domainevententry
                WHERE payloadtype IN (?, ?) AND timestamp >= ? AND timestamp < ? GROUP BY 1, 2""", rs -> {
            long[] counts = byPrefix.computeIfAbsent(rs.getString(1), p -> new long[2]);
            counts[rs.getString(2).equals(IsrcAssigned.class.getName()) ? 0 : 1] = rs.getLong(3);
        }, IsrcAssigned.class.getName(), ExistingIsrcRegistered.class.getName(), start, end);
        List<PrefixCodes> prefixes = byPrefix.entrySet().stream()
                .map(e -> new PrefixCodes(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new Codes(byKind.values().stream().mapToLong(Long::longValue).sum(), byKind,
                prefixes.stream().mapToLong(PrefixCodes::imported).sum(), prefixes);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
