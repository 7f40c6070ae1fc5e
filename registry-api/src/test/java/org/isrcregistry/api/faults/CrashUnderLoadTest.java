package org.isrcregistry.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.isrcregistry.api.AgencyToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1 (docs/reliability.md): the registry jar killed with SIGKILL under load, during a bulk import and during
 * a rebuild, then started again on the same PostgreSQL and broker. In the fault suite only ({@code -Pfaults}).
 */
@Tag("faults")
class CrashUnderLoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FaultEnvironment env;
    private static RegistryNode node;

    @BeforeAll
    static void start() throws Exception {
        env = new FaultEnvironment("crash");
        node = env.node("crash", "--registry.api.idempotency.retry-wait=5s").start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            env.close();
        }
    }

    @Test
    void killedUnderSixteenClientsItLosesNoAcknowledgedCodeAndIssuesNoneTwice() throws Exception {
        String prefix = "CA-K9L";
        register(prefix);
        AssignmentLoad load = new AssignmentLoad(List.of(node.url()), prefix, 16);
        try {
            load.awaitMore(300, Duration.ofMinutes(2));
            node.kill();
            Thread.sleep(1000);
            node.start();
            load.awaitMore(200, Duration.ofMinutes(2));
        } finally {
            load.close();
        }
        assertThat(load.unexpected).isEmpty();

        RegistryChecks checks = new RegistryChecks(env.jdbc());
        int stored = checks.assertNothingLostOrDuplicated(prefix, load.acknowledged);
        checks.assertReadModelsConverge(prefix, Duration.ofMinutes(2));
        int repeats = checks.assertKafkaHoldsEveryEvent(prefix, env.kafka(), Duration.ofMinutes(2));
        System.out.printf("FAULT-FIGURES scenario=crash-under-load faults=1 clients=16 acknowledged=%d stored=%d"
                        + " unanswered=%d abandoned-keys=%d kafka-repeats=%d lost=0 duplicated=0%n",
                load.acknowledged.size(), stored, load.unanswered.size(), load.abandoned.size(), repeats);
    }

    @Test
    void killedDuringABulkImportItResumesAndGivesEveryRowItsResult() throws Exception {
        String prefix = "CA-K9M";
        register(prefix);
        int rows = 20_000;
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            ndjson.append("{\"isrc\": \"CAK9M24").append("%05d".formatted(i))
                    .append("\", \"title\": \"Imported ").append(i).append("\", \"mainArtist\": \"Crash\",")
                    .append(" \"duration\": \"PT3M\", \"kind\": \"AUDIO\", \"owner\": \"Crash Records\"}\n");
        }
        HttpResponse<String> accepted = call("POST", "/v1/prefixes/" + prefix + "/recordings/imports",
                "application/x-ndjson", ndjson.toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> view(path).path("done").asInt() > 0);
        int doneAtKill = view(path).path("done").asInt();
        node.kill();
        assertThat(doneAtKill).as("killed mid-import").isLessThan(rows);
        node.start();

        JsonNode done = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> view(path), v -> !"RUNNING".equals(v.path("status").asText()));
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("done").asInt()).isEqualTo(rows);
        assertThat(done.path("registered").asInt() + done.path("alreadyRegistered").asInt()).isEqualTo(rows);
        RegistryChecks checks = new RegistryChecks(env.jdbc());
        assertThat(env.jdbc().queryForObject("SELECT count(DISTINCT row_number) FROM recording_import_row"
                + " WHERE import_id = ?::uuid", Integer.class, done.path("id").asText())).isEqualTo(rows);
        assertThat(checks.recordings(prefix)).hasSize(rows);
        checks.assertNothingLostOrDuplicated(prefix, java.util.Map.of());
        checks.assertReadModelsConverge(prefix, Duration.ofMinutes(3));
        System.out.printf("FAULT-FIGURES scenario=crash-during-import faults=1 rows=%d done-at-kill=%d registered=%d"
                        + " already-registered=%d lost=0 duplicated=0%n", rows, doneAtKill,
                done.path("registered").asInt(), done.path("alreadyRegistered").asInt());
    }

    @Test
    void killedDuringARebuildItKeepsTheOldTablesServingAndRebuildsAgain() throws Exception {
        String prefix = "CA-K9N";
        register(prefix);
        AssignmentLoad load = new AssignmentLoad(List.of(node.url()), prefix, 4);
        try {
            load.awaitMore(100, Duration.ofMinutes(2));
        } finally {
            load.close();
        }
        RegistryChecks checks = new RegistryChecks(env.jdbc());
        checks.assertReadModelsConverge(prefix, Duration.ofMinutes(2));
        String isrc = load.acknowledged.keySet().iterator().next();
        assertThat(call("POST", "/v1/admin/projections/rebuild", "application/json", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() ->
                env.jdbc().queryForObject("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%\\_rebuild'",
                        Integer.class) > 0);
        node.kill();
        node.start();

        assertThat(call("GET", "/v1/recordings/" + isrc, null, null).statusCode()).as("the old tables serve")
                .isEqualTo(200);
        checks.assertReadModelsConverge(prefix, Duration.ofMinutes(2));
        assertThat(call("POST", "/v1/admin/projections/rebuild", "application/json", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(JSON.readTree(call("GET", "/v1/admin/projections", null, null).body()))
                        .allSatisfy(status -> assertThat(status.path("rebuild").path("state").asText()).isEqualTo("DONE")));
        checks.assertReadModelsConverge(prefix, Duration.ofMinutes(2));
        checks.assertNothingLostOrDuplicated(prefix, load.acknowledged);
        System.out.printf("FAULT-FIGURES scenario=crash-during-rebuild faults=1 acknowledged=%d lost=0 duplicated=0%n",
                load.acknowledged.size());
    }

    private static void register(String prefix) throws Exception {
        HttpResponse<String> registered = call("POST", "/v1/prefixes", "application/json",
                "{\"prefix\": \"" + prefix + "\", \"registrant\": {\"name\": \"Crash " + prefix + "\"}}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    private static JsonNode view(String path) throws Exception {
        return JSON.readTree(call("GET", path + "?limit=0", null, null).body());
    }

    private static HttpResponse<String> call(String method, String path, String contentType, String body)
            throws Exception {
        return call(node, method, path, contentType, body);
    }

    /** A request to the node with the agency's token. */
    static HttpResponse<String> call(RegistryNode node, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + AgencyToken.SECRET)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
