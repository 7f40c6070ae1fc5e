package org.isrcregistry.projections.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
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
    public record IfpiReport(int year, String timeZone, Instant from, Instant until, boolean complete,
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

    public IfpiReport of(int year, Instant now) {
        Instant from = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, zone).toInstant();
        Instant until = ZonedDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, zone).toInstant();
        String start = stamp(from);
        String end = stamp(until);
        return new IfpiReport(year, zone.getId(), from, until, !now.isBefore(until),
                registrants(start, end), managersByTier(end), prefixes(start, end), codes(from, until));
    }

    /** Event timestamps are stored as ISO-8601 UTC text in Axon's one format, so they compare as text. */
    private static String stamp(Instant instant) {
        return DateTimeUtils.formatInstant(instant);
    }

    /**
     * The type is written into the statement (a class name, not input) so that PostgreSQL can use the partial index
     * of the agency's events (V112), which a parameter would hide from its generic plan.
     */
    private long count(String type, String start, String end) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = '" + type
                + "' AND timestamp >= ? AND timestamp < ?", Long.class, start, end);
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
                WHERE payloadtype IN ('%s', '%s', '%s') AND timestamp < ? ORDER BY globalindex""".formatted(
                RegistrantRegistered.class.getName(), RegistrantUpdated.class.getName(),
                RegistrantDeactivated.class.getName()), rs -> {
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
        }, end);
        Map<String, Long> byTier = new TreeMap<>(Map.of("LOW_VOLUME", 0L, "HIGH_VOLUME", 0L));
        tiers.values().forEach(tier -> byTier.merge(tier, 1L, Long::sum));
        return byTier;
    }

    private Prefixes prefixes(String start, String end) {
        return new Prefixes(count(PrefixRegistered.class.getName(), "", end),
                count(PrefixRegistered.class.getName(), start, end), count(PrefixTransferred.class.getName(), start, end),
                count(PrefixSuspended.class.getName(), start, end), count(PrefixReinstated.class.getName(), start, end));
    }

    /** From the count of codes the command side keeps with the events, per quarter hour of storage (V112). */
    private Codes codes(Instant from, Instant until) {
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, long[]> byPrefix = new TreeMap<>();
        jdbc.query("""
                SELECT prefix_code, origin, kind, sum(codes) FROM report_code_count
                WHERE stored_in >= ? AND stored_in < ? GROUP BY 1, 2, 3""", rs -> {
            boolean assigned = rs.getString(2).equals("ASSIGNED");
            long codes = rs.getLong(4);
            if (assigned) {
                byKind.merge(rs.getString(3), codes, Long::sum);
            }
            byPrefix.computeIfAbsent(rs.getString(1), p -> new long[2])[assigned ? 0 : 1] += codes;
        }, Timestamp.from(from), Timestamp.from(until));
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
