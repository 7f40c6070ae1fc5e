package org.isrcregistry.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.hostile.HostileRequests.Operation;
import org.isrcregistry.api.hostile.HostileRequests.Request;
import org.isrcregistry.projections.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fuzz suite: hostile requests over every operation of the OpenAPI document (HostileRequests), then the checks a
 * registry of record owes: no answer is a 5xx, every 4xx is a problem document, a refused request stored nothing (the
 * event store and the token table are unchanged across it), every acknowledged code reads back, a rebuild of every
 * read model succeeds, and the Kafka feed drains.
 *
 * <p>CI-sized by default ({@value #DEFAULT_REQUESTS} requests); a longer run:
 * {@code -Dregistry.fuzz.requests=50000 -Dregistry.fuzz.seed=<seed>} (docs/problems.md, "Fuzzing").
 */
@RegistryIntegrationTest
class HostileRequestsTest {

    static final int DEFAULT_REQUESTS = 2_000;
    /** Operations whose valid form starts long work (a rebuild, a republication): a few of each are enough. */
    private static final Set<String> HEAVY = Set.of("POST /v1/admin/projections/rebuild",
            "POST /v1/admin/projections/{name}/rebuild", "POST /v1/admin/feed/replay");
    private static final int HEAVY_QUOTA = 3;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HostileRequestsTest.class);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void hostileRequestsAreRefusedWithProblemsAndChangeNothing() throws Exception {
        int requests = Integer.getInteger("registry.fuzz.requests", DEFAULT_REQUESTS);
        long seed = Long.getLong("registry.fuzz.seed", System.nanoTime());
        TestRegistry registry = new TestRegistry(http, jdbc);
        String prefix = registry.newPrefix();
        List<String> isrcs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            isrcs.add(registry.assign(prefix, "Fuzz fixture " + i));
        }
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        List<Operation> operations = HostileRequests.operations(api);
        assertThat(operations).hasSizeGreaterThan(25);
        HostileRequests generator = new HostileRequests(api,
                new HostileRequests.Fixtures(prefix, isrcs, ReadModels.ALL.get(0)), AgencyToken.SECRET, seed);

        List<String> failures = new ArrayList<>();
        Set<String> acknowledged = new LinkedHashSet<>();
        Map<String, Integer> sent = new HashMap<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        java.util.Random order = new java.util.Random(seed);
        for (int i = 0; i < requests && failures.size() < 20; i++) {
            Operation operation = operations.get(order.nextInt(operations.size()));
            if (HEAVY.contains(operation.toString()) && sent.getOrDefault(operation.toString(), 0) >= HEAVY_QUOTA) {
                continue;
            }
            sent.merge(operation.toString(), 1, Integer::sum);
            Request request = generator.next(operation);
            long events = count("domainevententry");
            long tokens = count("api_token");
            HttpResponse<byte[]> response;
            try {
                response = send(request);
            } catch (IllegalArgumentException unsendable) {
                continue; // a header the HTTP client itself will not send
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String failure = check(request, response, events, tokens, acknowledged);
            if (failure != null) {
                failures.add(failure);
            }
        }

        log.info("Fuzz seed {}: {} requests over {} operations, answers by status {}, {} codes acknowledged", seed,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), sent.size(), statuses,
                acknowledged.size());
        assertThat(failures).as("seed %d (rerun with -Dregistry.fuzz.seed=%d)", seed, seed).isEmpty();
        assertThat(sent.keySet()).as("every operation was tried").hasSize(operations.size());
        for (String isrc : acknowledged) {
            assertThat(http.getForEntity("/v1/recordings/" + isrc, JsonNode.class).getStatusCode())
                    .as("acknowledged %s reads back", isrc).isEqualTo(HttpStatus.OK);
        }
        rebuildSucceeds();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.getForObject(
                "/actuator/metrics/registry.feed.backlog", JsonNode.class).path("measurements").path(0).path("value")
                .asDouble()).as("the Kafka feed drained").isZero());
    }

    private String check(Request request, HttpResponse<byte[]> response, long events, long tokens,
                         Set<String> acknowledged) throws IOException {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " for " + request;
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return status + " without a problem document (" + type + ") for " + request;
            }
            JsonNode problem = json.readTree(response.body());
            if (!problem.path("type").asText().startsWith("https://isrc-registry.org/problems/")
                    || problem.path("status").asInt() != status) {
                return status + " with an odd problem " + problem + " for " + request;
            }
            if (count("domainevententry") != events || count("api_token") != tokens) {
                return status + " yet something was stored, for " + request;
            }
            return null;
        }
        if (status == 202 && request.uri().endsWith("/imports")) {
            awaitImport(response.headers().firstValue("Location").orElseThrow());
        }
        JsonNode body = response.body().length == 0 ? null : json.readTree(response.body());
        if (body != null && body.path("isrc").isTextual() && request.operation().changes()) {
            acknowledged.add(body.path("isrc").asText());
        }
        return null;
    }

    /** An accepted import runs on after its answer: it must have finished before the next refusal is checked. */
    private void awaitImport(String location) {
        await().atMost(Duration.ofSeconds(60)).until(() -> http.getForObject(location, JsonNode.class),
                view -> List.of("COMPLETED", "FAILED").contains(view.path("status").asText()));
    }

    private void rebuildSucceeds() {
        await().atMost(Duration.ofSeconds(60)).until(() -> http.postForEntity("/v1/admin/projections/rebuild", null,
                JsonNode.class).getStatusCode().is2xxSuccessful());
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode statuses = http.getForObject("/v1/admin/projections", JsonNode.class);
            assertThat(statuses).allSatisfy(status -> {
                assertThat(status.path("rebuild").path("state").asText()).as(status.toString()).isEqualTo("DONE");
                assertThat(status.path("running").asBoolean()).isTrue();
            });
        });
    }

    private HttpResponse<byte[]> send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(http.getRootUri() + request.uri()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
