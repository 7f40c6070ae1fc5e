package org.isrcregistry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The API description at /v3/api-docs: complete where clients depend on it, equal to the committed docs/openapi.json
 * (from which clients are generated without starting a registry, see api-client-test), and clean under Redocly CLI's
 * recommended rules. The live document is written to target/openapi.json.
 */
@RegistryIntegrationTest
class OpenApiTest {

    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    static final Path LIVE = Path.of("target", "openapi.json");
    static final Path REDOCLY = Path.of("..", ".ci", "node_modules", ".bin", "redocly");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Autowired
    TestRestTemplate http;

    JsonNode api;

    @BeforeEach
    void readTheLiveDocument() throws IOException {
        api = http.getForObject("/v3/api-docs", JsonNode.class);
        Files.createDirectories(LIVE.getParent());
        Files.writeString(LIVE, pretty(api));
    }

    @Test
    void everyCommandIsDescribedWithItsIdempotencyKeyProblemsAndToken() {
        JsonNode paths = api.path("paths");

        JsonNode assign = paths.path("/v1/prefixes/{prefix}/recordings").path("post");
        assertThat(assign.path("responses").has("201")).isTrue();
        assertThat(assign.path("responses").path("409").path("content").has("application/problem+json")).isTrue();
        assertThat(assign.path("parameters").findValuesAsText("name")).contains("Idempotency-Key", "prefix");
        for (String path : new String[] {"/v1/recordings/{isrc}/versions", "/v1/recordings/{isrc}/ownership-transfers",
                "/v1/recordings/{isrc}/distributor-changes", "/v1/recordings/{isrc}/releases",
                "/v1/recordings/{isrc}/works", "/v1/recordings/{isrc}/withdrawal", "/v1/isrc-validations",
                "/v1/prefixes/{prefix}/suspension", "/v1/prefixes/{prefix}/recordings/imports"}) {
            assertThat(paths.path(path).path("post").isObject()).as(path).isTrue();
        }
        assertThat(paths.path("/v1/recordings/{isrc}").has("put")).isTrue();
        assertThat(paths.path("/v1/recordings/{isrc}").has("patch")).isTrue();
        // Which operations need a token: all but the public look-ups and validation, which say they need none.
        assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(assign.path("security").get(0).has("bearer")).isTrue();
        assertThat(assign.path("responses").has("401")).isTrue();
        assertThat(paths.path("/v1/admin/tokens").path("post").path("security").get(0).has("bearer")).isTrue();
        for (JsonNode open : List.of(paths.path("/v1/recordings/{isrc}").path("get"),
                paths.path("/v1/recordings/{isrc}/lineage").path("get"), paths.path("/v1/isrc-validations").path("post"))) {
            assertThat(open.path("security").toString()).isEqualTo("[{}]");
            assertThat(open.path("responses").has("401")).isFalse();
        }
        assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode().is3xxRedirection()
                || http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode() == HttpStatus.OK).isTrue();
    }

    @Test
    void everyOperationDeclaresItsProblemsAndItsSecurity() {
        api.path("paths").forEach(path -> path.forEach(operation -> {
            // Names a generated client's methods: chosen, not numbered by springdoc (get_1, get_2 ...).
            assertThat(operation.path("operationId").asText()).matches("[a-z][A-Za-z]+");
            assertThat(operation.has("security")).as(operation.path("operationId").asText()).isTrue();
            for (String status : new String[] {"400", "default"}) {
                assertThat(operation.path("responses").path(status).path("content").path("application/problem+json")
                        .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
            }
        }));
    }

    @Test
    void everyReferenceResolvesAndNoFrameworkTypeIsExposed() {
        JsonNode schemas = api.path("components").path("schemas");
        assertThat(schemas.path("Problem").path("properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "field", "action");
        List<String> refs = new ArrayList<>();
        api.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(ref).startsWith("#/components/schemas/")
                .satisfies(r -> assertThat(schemas.has(r.substring("#/components/schemas/".length()))).as(r).isTrue()));
        assertThat(schemas.fieldNames()).toIterable().doesNotContain("StreamingResponseBody", "ResponseEntity",
                "ProblemDetail", "ModelAndView", "Resource", "InputStream", "URI", "URL");
    }

    @Test
    void listsOfIdentifiersAreArraysOfStrings() {
        JsonNode schemas = api.path("components").path("schemas");
        for (JsonNode list : List.of(schemas.path("TokenRequest").path("properties").path("prefixes"),
                schemas.path("RecordingResponse").path("properties").path("possibleDuplicates"))) {
            assertThat(list.path("type").asText()).as(list.toString()).isEqualTo("array");
            assertThat(list.path("items").path("type").asText()).as(list.toString()).isEqualTo("string");
        }
    }

    @Test
    void theCommittedDocumentIsTheLiveOne() throws IOException {
        List<String> live = pretty(api).lines().toList();
        List<String> committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED).lines().toList() : List.of();
        int line = 0;
        while (line < live.size() && line < committed.size() && live.get(line).equals(committed.get(line))) {
            line++;
        }
        assertThat(line == live.size() && line == committed.size())
                .as("docs/openapi.json differs from the live /v3/api-docs from line %d on (committed: %s; live: %s):"
                        + " copy registry-api/%s to docs/openapi.json and commit it", line + 1,
                        line < committed.size() ? committed.get(line).trim() : "(end)",
                        line < live.size() ? live.get(line).trim() : "(end)", LIVE)
                .isTrue();
    }

    @Test
    void theDocumentLintsWithoutErrorUnderRedoclysRecommendedRules() throws Exception {
        assumeTrue(Files.isExecutable(REDOCLY) && run(REDOCLY.toString(), "--version").exitCode == 0,
                "Redocly CLI is not installed: run 'npm ci --prefix .ci' (Node.js 20.19 or later; .ci/run does)");
        Result lint = run(REDOCLY.toString(), "lint", "--extends=recommended", LIVE.toString());
        assertThat(lint.exitCode).as(lint.output).isZero();
    }

    private static String pretty(JsonNode document) throws IOException {
        return JSON.writeValueAsString(document) + "\n";
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
