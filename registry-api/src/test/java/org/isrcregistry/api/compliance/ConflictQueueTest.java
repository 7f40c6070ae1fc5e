package org.isrcregistry.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The conflict queue over real HTTP: a registration reporting a possible duplicate opens the pair's conflict by
 * itself; a resolution is an event with its actor and reason; a duplicate is withdrawn through the withdrawal,
 * pointing to the survivor; a resolved pair never comes back.
 */
@RegistryIntegrationTest
class ConflictQueueTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReadYourWrites readYourWrites;

    ComplianceClient client;
    String prefix;
    String artist;

    @BeforeEach
    void setUp() {
        client = new ComplianceClient(http, readYourWrites);
        prefix = client.newPrefix(null, null);
        artist = "Conflicted " + UUID.randomUUID().toString().substring(0, 8);
    }

    private String assign(String duration) {
        return client.assign(prefix, ComplianceClient.recording("Same Song", artist, duration, ""), null);
    }

    private List<JsonNode> conflicts(String query) {
        return client.all("/v1/compliance/conflicts?prefix=" + prefix + query, 10, null);
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }

    @Test
    void aPossibleDuplicateOpensAConflictResolvedAsDistinctRecordingsForGood() {
        String first = assign("PT3M18S");
        String second = assign("PT3M19S");
        assign("PT3M30S");

        List<JsonNode> open = conflicts("&status=open");
        assertThat(open).singleElement().satisfies(conflict -> {
            assertThat(conflict.path("id").asText()).isEqualTo(pair(first, second));
            assertThat(conflict.path("basis").asText()).isEqualTo("SAME_METADATA");
            assertThat(conflict.path("opened_by").asText()).isEqualTo("registry");
        });

        ResponseEntity<JsonNode> resolved = client.send(HttpMethod.POST, "/v1/compliance/conflicts/"
                + pair(first, second) + "/resolution",
                "{\"resolution\": \"DISTINCT_RECORDINGS\", \"reason\": \"a studio and a radio take\"}", null);
        assertThat(resolved.getStatusCode()).as(String.valueOf(resolved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(resolved.getBody().path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.getBody().path("resolution").asText()).isEqualTo("DISTINCT_RECORDINGS");
        assertThat(resolved.getBody().path("reason").asText()).isEqualTo("a studio and a radio take");
        assertThat(resolved.getBody().path("resolved_by").asText()).startsWith("token:");

        assertThat(conflicts("&status=open")).isEmpty();
        assertProblem(client.send(HttpMethod.POST, "/v1/compliance/conflicts",
                "{\"first\": \"" + second + "\", \"second\": \"" + first + "\", \"basis\": \"SAME_METADATA\"}", null),
                HttpStatus.CONFLICT, "conflict", "first");
        assertProblem(client.send(HttpMethod.POST, "/v1/compliance/conflicts/" + pair(first, second) + "/resolution",
                "{\"resolution\": \"DISTINCT_RECORDINGS\", \"reason\": \"again\"}", null), HttpStatus.CONFLICT,
                "conflict", "id");
        List<JsonNode> audit = client.all("/v1/audit?isrc=" + first, 100, null);
        assertThat(audit).extracting(row -> row.path("action").asText()).contains("IsrcAssigned");
        List<JsonNode> decisions = client.all("/v1/audit?prefix=" + prefix, 100, null).stream()
                .filter(row -> row.path("action").asText().equals("ConflictResolved")).toList();
        assertThat(decisions).singleElement().satisfies(row -> {
            assertThat(row.path("subject").asText()).isEqualTo(pair(first, second));
            assertThat(row.path("reason").asText()).isEqualTo("a studio and a radio take");
            assertThat(row.path("actor").asText()).startsWith("token:");
        });
    }

    @Test
    void aDuplicateIsWithdrawnPointingToTheSurvivorAndANewDuplicateOfTheSurvivorOpensAgain() {
        String survivor = assign("PT2M00S");
        String duplicate = assign("PT2M01S");
        String id = pair(survivor, duplicate);
        assertThat(conflicts("")).extracting(row -> row.path("id").asText()).containsExactly(id);

        assertProblem(client.send(HttpMethod.POST, "/v1/compliance/conflicts/" + id + "/resolution",
                "{\"resolution\": \"DUPLICATE\", \"reason\": \"same master\"}", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "withdraw");
        ResponseEntity<JsonNode> resolved = client.send(HttpMethod.POST, "/v1/compliance/conflicts/" + id
                + "/resolution", "{\"resolution\": \"DUPLICATE\", \"withdraw\": \"" + duplicate
                + "\", \"reason\": \"same master\"}", null);
        assertThat(resolved.getStatusCode()).as(String.valueOf(resolved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(resolved.getBody().path("withdrawn_isrc").asText()).isEqualTo(duplicate);
        assertThat(resolved.getBody().path("survivor_isrc").asText()).isEqualTo(survivor);

        JsonNode recording = http.getForObject("/v1/recordings/" + duplicate, JsonNode.class);
        assertThat(recording.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(recording.path("duplicateOf").asText()).isEqualTo(survivor);
        assertThat(client.all("/v1/compliance/withdrawals?prefix=" + prefix, 10, null)).singleElement()
                .satisfies(row -> {
                    assertThat(row.path("isrc").asText()).isEqualTo(duplicate);
                    assertThat(row.path("points_to").asText()).isEqualTo(survivor);
                    assertThat(row.path("points_to_status").asText()).isEqualTo("ACTIVE");
                });
        assertThat(client.all("/v1/compliance/duplicates?prefix=" + prefix, 10, null)).isEmpty();

        String another = assign("PT2M00S");
        assertThat(conflicts("&status=open")).extracting(row -> row.path("id").asText())
                .containsExactly(pair(survivor, another));
    }

    @Test
    void aRegistrantResolvesConflictsOfItsOwnPrefixesOnlyAndBadInputChangesNothing() {
        String first = assign("PT1M00S");
        String second = assign("PT1M01S");
        String id = pair(first, second);
        conflicts("");
        String stranger = client.issue("{\"name\": \"Stranger\", \"role\": \"REGISTRANT\", \"prefixes\": [\""
                + client.newPrefix(null, null) + "\"]}").path("token").asText();
        assertProblem(client.send(HttpMethod.POST, "/v1/compliance/conflicts/" + id + "/resolution",
                "{\"resolution\": \"DISTINCT_RECORDINGS\", \"reason\": \"not mine\"}", stranger), HttpStatus.FORBIDDEN,
                "forbidden", null);
        assertProblem(client.send(HttpMethod.POST, "/v1/compliance/conflicts/not-a-pair/resolution",
                "{\"resolution\": \"DISTINCT_RECORDINGS\", \"reason\": \"x\"}", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "id");
        assertProblem(client.send(HttpMethod.POST, "/v1/compliance/conflicts/" + id + "/resolution",
                "{\"resolution\": \"MAYBE\", \"reason\": \"x\"}", null), HttpStatus.BAD_REQUEST, "invalid-field",
                "resolution");
        assertProblem(client.get("/v1/compliance/conflicts?status=pending", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "status");

        String owner = client.issue("{\"name\": \"Owner\", \"role\": \"REGISTRANT\", \"prefixes\": [\"" + prefix
                + "\"]}").path("token").asText();
        assertThat(client.all("/v1/compliance/conflicts?status=open", 10, owner)).extracting(row -> row.path("id")
                .asText()).containsExactly(id);
        assertThat(client.send(HttpMethod.POST, "/v1/compliance/conflicts/" + id + "/resolution",
                "{\"resolution\": \"DISTINCT_RECORDINGS\", \"reason\": \"two mixes\"}", owner).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(client.all("/v1/compliance/conflicts?status=open", 10, owner)).isEmpty();
    }
}
