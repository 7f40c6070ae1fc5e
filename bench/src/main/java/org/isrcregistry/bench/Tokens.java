package org.isrcregistry.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each of the registry's streaming processors is in the event store, read from Axon's {@code tokenentry}: the
 * lowest position over its segments, and whether it is replaying. Independent of any admin API.
 */
final class Tokens {

    record Position(long index, boolean replaying) {

        /**
         * At or past the target. A replaying processor at the head of a quiet store keeps its replay token until a
         * newer event arrives, so the replay flag says nothing about being done.
         */
        boolean reached(long target) {
            return index >= target;
        }
    }

    private static final Pattern INDEX = Pattern.compile("\"(?:globalIndex|index)\"\\s*:\\s*(\\d+)");

    private Tokens() {
    }

    static long maxGlobalIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(globalindex), -1) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long eventCount(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM domainevententry");
    }

    /**
     * The events the feed publishes on its events topic (and so a replay republishes): all but the registrant data
     * (restricted topic only, docs/kafka.md) and the conflict queue's (the agency's work, on no topic).
     */
    static long publicEventCount(Connection connection) throws SQLException {
        return count(connection, """
                SELECT count(*) FROM domainevententry
                WHERE payloadtype NOT LIKE 'org.isrcregistry.core.registrant.%'
                  AND payloadtype NOT LIKE 'org.isrcregistry.core.conflict.%'
                  AND payloadtype NOT IN ('org.isrcregistry.core.prefix.PrefixAllocated',
                                          'org.isrcregistry.core.prefix.PrefixTransferred')""");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Position> positions(Connection connection) throws SQLException {
        Map<String, Position> positions = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT processorname, tokentype, token FROM tokenentry")) {
            while (rs.next()) {
                Position position = parse(rs.getString(2), rs.getBytes(3));
                positions.merge(rs.getString(1), position, (a, b) ->
                        new Position(Math.min(a.index(), b.index()), a.replaying() || b.replaying()));
            }
        }
        return positions;
    }

    static Position parse(String type, byte[] token) {
        if (type == null || token == null) {
            return new Position(-1, false);
        }
        String json = new String(token, StandardCharsets.UTF_8);
        boolean replaying = type.endsWith("ReplayToken");
        if (replaying) {
            // Axon nests a replay token in another (a reset's start position is itself a replay token): the position
            // is the innermost current token, the last one in the text; the tokens at reset hold the head.
            int current = json.lastIndexOf("\"currentToken\"");
            json = current < 0 ? "" : json.substring(current);
        }
        Matcher matcher = INDEX.matcher(json);
        return new Position(matcher.find() ? Long.parseLong(matcher.group(1)) : -1, replaying);
    }
}
