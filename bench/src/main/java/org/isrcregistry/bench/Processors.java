package org.isrcregistry.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
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
}
