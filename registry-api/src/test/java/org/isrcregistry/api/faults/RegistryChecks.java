package org.isrcregistry.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.isrcregistry.api.KafkaTestConsumer;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;

/** What every fault scenario checks on the event store and the read models once the registry is back. */
final class RegistryChecks {

    private final JdbcTemplate jdbc;

    RegistryChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Recording streams under the prefix (its ISRCs), each with its first event's payload. */
    Map<String, String> recordings(String prefix) {
        Map<String, String> recordings = new HashMap<>();
        jdbc.query("""
                SELECT aggregateidentifier, convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier LIKE ? AND length(aggregateidentifier) = 12 AND sequencenumber = 0""",
                rs -> {
                    recordings.put(rs.getString(1), rs.getString(2));
                }, compact(prefix) + "%");
        return recordings;
    }

    /**
     * Every acknowledged code is stored with the title it was acknowledged for; no code and no designation of the
     * prefix was issued twice (its designation ledger names each code once, and names exactly the recordings).
     * Answers how many codes the prefix has.
     */
    int assertNothingLostOrDuplicated(String prefix, Map<String, String> acknowledged) {
        Map<String, String> stored = recordings(prefix);
        assertThat(acknowledged).allSatisfy((isrc, title) -> {
            assertThat(stored).as("acknowledged %s", isrc).containsKey(isrc);
            assertThat(stored.get(isrc)).as("%s's first event", isrc).contains(title);
        });
        Integer taken = jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%.DesignationTaken'""",
                Integer.class, compact(prefix));
        Integer distinct = jdbc.queryForObject("""
                SELECT count(DISTINCT convert_from(payload, 'UTF8')::jsonb -> 'isrc') FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype LIKE '%.DesignationTaken'""", Integer.class, compact(prefix));
        assertThat(distinct).as("designations taken, each once").isEqualTo(taken);
        assertThat(taken).as("designations taken = recordings stored").isEqualTo(stored.size());
        return stored.size();
    }

    /** The recordings read model ends up with exactly the prefix's recordings. */
    void assertReadModelsConverge(String prefix, Duration atMost) {
        int stored = recordings(prefix).size();
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT count(*) FROM recording_view WHERE prefix_code = ?", Integer.class,
                        compact(prefix))).as("recording_view rows of " + prefix).isEqualTo(stored));
    }

    /**
     * Every public event of the prefix and its recordings is on the events topic (a ce_id may come twice: at least
     * once); answers how many messages repeated one already seen. The prefix's allocation to its registrant goes to
     * the restricted registrants topic instead, and the conflict queue's events to no topic (docs/kafka.md).
     */
    int assertKafkaHoldsEveryEvent(String prefix, KafkaConnectionDetails kafka, Duration atMost) {
        Set<String> expected = new HashSet<>(jdbc.queryForList("""
                SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier LIKE ?
                AND payloadtype NOT LIKE 'org.isrcregistry.core.registrant.%'
                AND payloadtype NOT LIKE 'org.isrcregistry.core.conflict.%'
                AND payloadtype NOT IN ('org.isrcregistry.core.prefix.PrefixAllocated',
                                        'org.isrcregistry.core.prefix.PrefixTransferred')""", String.class,
                compact(prefix) + "%"));
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafka, "isrc-registry.events")) {
            List<ConsumerRecord<String, byte[]>> records = consumer.pollUntil(seen -> seen.stream()
                    .map(r -> KafkaTestConsumer.header(r, "ce_id")).collect(Collectors.toSet()).containsAll(expected),
                    atMost);
            List<String> ours = records.stream().map(r -> KafkaTestConsumer.header(r, "ce_id"))
                    .filter(expected::contains).toList();
            return ours.size() - expected.size();
        }
    }

    static String compact(String prefix) {
        return prefix.replace("-", "");
    }
}
