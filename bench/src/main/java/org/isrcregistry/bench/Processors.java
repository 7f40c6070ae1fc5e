package org.isrcregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Watches the registry's streaming processors through their tokens until they reach a position in the store. */
final class Processors {

    static final String FEED = "kafka-feed";

    private Processors() {
    }

    /** How long each processor took (seconds from {@code since}) to reach {@code target}, not replaying. */
    record CaughtUp(Map<String, Double> seconds, Set<String> late) {

        double slowest() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    /**
     * Polls until every processor {@code include} accepts reached {@code target}. With {@code mustSeeBehind}, a
     * processor counts only once it has been reset: seen replaying (its replay token stays until a newer event
     * arrives), or seen before the target; a rebuild that had not started yet must not look finished.
     */
    static CaughtUp await(Connection connection, long target, long since, Duration timeout, Predicate<String> include,
                          boolean mustSeeBehind) throws SQLException, InterruptedException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Set<String> seenBehind = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Map.Entry<String, Tokens.Position> entry : Tokens.positions(connection).entrySet()) {
                String name = entry.getKey();
                if (!include.test(name) || seconds.containsKey(name)) {
                    continue;
                }
                all.add(name);
                if (!entry.getValue().reached(target) || entry.getValue().replaying()) {
                    seenBehind.add(name);
                }
                if (entry.getValue().reached(target) && (!mustSeeBehind || seenBehind.contains(name))) {
                    seconds.put(name, (System.nanoTime() - since) / 1e9);
                }
            }
            boolean done = !all.isEmpty() && seconds.keySet().containsAll(all);
            if (done || System.nanoTime() > deadline) {
                Set<String> late = new TreeSet<>(all);
                late.removeAll(seconds.keySet());
                return new CaughtUp(seconds, late);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Polls the registry's {@code GET /v1/admin/projections} until each of {@code names} has its rebuild DONE and its
     * processor at or past {@code target}; fails at once on a FAILED rebuild.
     */
    static CaughtUp awaitRebuilt(Http http, String path, List<String> names, long target, long since,
                                 Duration timeout) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Double> seconds = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seconds.size() < names.size() && System.nanoTime() < deadline) {
            for (JsonNode status : json.readTree(http.get(path).require("Projections").body())) {
                String name = status.path("name").asText();
                String state = status.path("rebuild").path("state").asText();
                if (state.equals("FAILED")) {
                    throw new IllegalStateException("Rebuild of " + name + " failed: " + status);
                }
                if (names.contains(name) && !seconds.containsKey(name) && state.equals("DONE")
                        && status.path("position").asLong(-1) >= target) {
                    seconds.put(name, (System.nanoTime() - since) / 1e9);
                }
            }
            Thread.sleep(100);
        }
        Set<String> late = new TreeSet<>(names);
        late.removeAll(seconds.keySet());
        return new CaughtUp(seconds, late);
    }
}
