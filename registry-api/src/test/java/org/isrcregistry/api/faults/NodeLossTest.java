package org.isrcregistry.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 2 (docs/reliability.md): two registry processes on one PostgreSQL and one broker, both serving 16 clients;
 * one is killed (SIGKILL). The other takes over every event processor's segments (read models, Kafka feed, audit
 * log) within 30 s, and nothing is lost or applied twice. In the fault suite only ({@code -Pfaults}).
 */
@Tag("faults")
class NodeLossTest {

    private static FaultEnvironment env;
    private static RegistryNode first;
    private static RegistryNode second;

    @BeforeAll
    static void start() throws Exception {
        env = new FaultEnvironment("node-loss");
        first = env.node("first", "--registry.api.idempotency.retry-wait=5s").start();
        second = env.node("second", "--registry.api.idempotency.retry-wait=5s").start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
        } finally {
            env.close();
        }
    }

    @Test
    void whenOneOfTwoNodesDiesTheOtherTakesOverEverySegmentWithin30sAndNothingIsLostOrAppliedTwice()
            throws Exception {
        String prefix = "CA-N0D";
        assertThat(CrashUnderLoadTest.call(first, "POST", "/v1/prefixes", "application/json",
                "{\"prefix\": \"" + prefix + "\", \"registrant\": {\"name\": \"Two nodes\"}}").statusCode())
                .isEqualTo(201);
        JdbcTemplate jdbc = env.jdbc();
        AssignmentLoad load = new AssignmentLoad(List.of(first.url(), second.url()), prefix, 16);
        long takeoverMillis;
        try {
            load.awaitMore(300, Duration.ofMinutes(2));
            // Which node claims which segment is up to them: the one running the Kafka feed dies.
            String feedOwner = owners(jdbc).get("kafka-feed/0");
            RegistryNode victim = feedOwner.startsWith(first.pid() + "@") ? first : second;
            RegistryNode survivor = victim == first ? second : first;
            long killedAt = System.nanoTime();
            victim.kill();
            while (!owners(jdbc).values().stream().allMatch(owner -> owner.startsWith(survivor.pid() + "@"))) {
                assertThat(System.nanoTime() - killedAt).as("segments still held by the dead node: " + owners(jdbc))
                        .isLessThan(Duration.ofSeconds(60).toNanos());
                Thread.sleep(200);
            }
            takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
            load.awaitMore(200, Duration.ofMinutes(2));
        } finally {
            load.close();
        }
        assertThat(load.unexpected).isEmpty();
        assertThat(takeoverMillis).as("ms until the survivor held every segment").isLessThanOrEqualTo(30_000);

        RegistryChecks checks = new RegistryChecks(jdbc);
        int stored = checks.assertNothingLostOrDuplicated(prefix, load.acknowledged);
        checks.assertReadModelsConverge(prefix, Duration.ofMinutes(2));
        // The audit log is a processor of its own: the survivor may still be catching up on the dead node's share.
        await("every event in the audit log").atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(jdbc.queryForObject("""
                        SELECT count(*) FROM domainevententry e WHERE e.aggregateidentifier LIKE ?
                        AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.global_index = e.globalindex)""",
                        Integer.class, RegistryChecks.compact(prefix) + "%")).as("events missing from the audit log")
                        .isZero());
        int repeats = checks.assertKafkaHoldsEveryEvent(prefix, env.kafka(), Duration.ofMinutes(2));
        System.out.printf("FAULT-FIGURES scenario=node-loss faults=1 nodes=2 clients=16 acknowledged=%d stored=%d"
                        + " takeover-ms=%d unanswered=%d abandoned-keys=%d kafka-repeats=%d lost=0 duplicated=0%n",
                load.acknowledged.size(), stored, takeoverMillis, load.unanswered.size(), load.abandoned.size(),
                repeats);
    }

    /** Each processor segment's owner ({@code processor/segment} to {@code pid@host}), unclaimed ones included. */
    private static Map<String, String> owners(JdbcTemplate jdbc) {
        Map<String, String> owners = new java.util.TreeMap<>();
        jdbc.query("SELECT processorname, segment, owner FROM tokenentry", rs -> {
            owners.put(rs.getString(1) + "/" + rs.getInt(2), String.valueOf(rs.getString(3)));
        });
        return owners;
    }
}
