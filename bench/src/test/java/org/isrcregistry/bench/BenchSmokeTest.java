package org.isrcregistry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole harness, reduced (small N, a couple of seconds per scenario, no targets asserted), against the built
 * registry jar started as a separate process on its embedded PostgreSQL and Kafka broker: the harness cannot rot.
 * Each scenario is a test of its own; one waiting for an API endpoint that does not exist yet is skipped with the
 * reason, never passed.
 */
class BenchSmokeTest {

    private static final Path OUTPUT = Path.of("target", "bench-test", "latest.json");
    private static Results results;

    @BeforeAll
    static void runReducedBench() throws Exception {
        results = Bench.run(BenchConfig.from(Map.ofEntries(
                Map.entry("quick", "true"),
                Map.entry("registry-jar", System.getProperty("bench.registry-jar",
                        "../registry-api/target/isrc-registry.jar")),
                Map.entry("work-dir", System.getProperty("bench.work-dir", "target/bench-test")),
                Map.entry("registry-heap", "512m"),
                Map.entry("clients", "4"),
                Map.entry("prefixes", "5"),
                Map.entry("assign-seconds", "2"),
                Map.entry("kafka-seconds", "2"),
                Map.entry("import-rows", "500"),
                Map.entry("catalogue", "2000"),
                Map.entry("catalogue-prefixes", "1"),
                Map.entry("lookup-rate", "200"),
                Map.entry("lookup-threads", "8"),
                Map.entry("lookup-seconds", "2"),
                Map.entry("verify-sample", "500"),
                // The opt-in scenarios too, on the small catalogue.
                Map.entry("scenarios", String.join(",", BenchConfig.ALL_SCENARIOS)),
                Map.entry("output", OUTPUT.toString()))));
        System.out.println(results.table());
        results.write(OUTPUT);
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioIsCorrectOrWaitsForTheApi() {
        return results.outcomes().stream().map(outcome -> DynamicTest.dynamicTest(outcome.scenario(), () -> {
            assumeTrue(outcome.outcome() != Results.Outcome.SKIPPED, outcome.message());
            assertEquals(Results.Outcome.OK, outcome.outcome(), outcome.message());
        }));
    }

    @Test
    void theBaselineAlwaysRuns() {
        assertTrue(results.outcomes().stream().anyMatch(o -> o.scenario().equals("baseline")
                && o.outcome() == Results.Outcome.OK), results.table());
        assertTrue(results.figures().stream().anyMatch(f -> f.name().startsWith("baseline") && f.value() > 0));
    }

    @Test
    void writesTheFiguresAsJson() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Files.readString(OUTPUT));
        assertTrue(json.path("figures").size() > 0);
        assertTrue(json.path("machine").path("cores").asInt() > 0);
        assertEquals(BenchConfig.ALL_SCENARIOS.size(), json.path("scenarios").size());
    }
}
