package org.isrcregistry.api.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk ownership transfers over real HTTP on the shared registry (PostgreSQL, Kafka): a catalogue sold, by owner or
 * by a list of codes, in the background with progress and a result per recording, resumed after an interruption.
 */
@RegistryIntegrationTest
class BulkOwnershipTransferTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BulkOwnershipTransfers transfers;

    private final String today = LocalDate.now().toString();

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, String token, String correlationId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (correlationId != null) {
            headers.set("X-Correlation-Id", correlationId);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return send(method, path, body, null, null);
    }

    /** A new producer with the next free BR prefix, and a token of its own: {registrant, prefix, token}. */
    String[] label(String name) {
        String id = send(HttpMethod.POST, "/v1/registrants", """
                {"legalName": "%s", "country": "BR", "kind": "PRODUCER", "contacts": [{"name": "ISRC"}]}"""
                .formatted(name)).getBody().path("registrant").path("id").asText();
        String prefix = send(HttpMethod.POST, "/v1/prefixes", "{\"countryCode\": \"BR\", \"registrantId\": \"" + id
                + "\"}").getBody().path("prefix").asText();
        String token = send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"" + name + "\", \"role\": \"REGISTRANT\","
                + " \"registrantId\": \"" + id + "\"}").getBody().path("token").asText();
        return new String[] {id, prefix, token};
    }

    String assign(String prefix, String title, String owner) {
        ResponseEntity<JsonNode> assigned = send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", """
                {"title": "%s", "mainArtist": "Ariane Tremblay", "duration": "PT3M18S", "kind": "AUDIO",
                 "owner": "%s"}""".formatted(title, owner));
        assertThat(assigned.getStatusCode()).as(String.valueOf(assigned.getBody())).isEqualTo(HttpStatus.CREATED);
        return assigned.getBody().path("isrc").asText();
    }

    /** The recording's owner in the public look-up, once the read model shows {@code expected} (or after 10 s). */
    String owner(String isrc, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            String owner = send(HttpMethod.GET, "/v1/recordings/" + isrc, null).getBody().path("owner").asText();
            if (owner.equals(expected) || Instant.now().isAfter(deadline)) {
                return owner;
            }
            Thread.sleep(50);
        }
    }

    JsonNode awaitCompleted(String location, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode view = send(HttpMethod.GET, location, null, token, null).getBody();
            if (!view.path("status").asText().equals("RUNNING") || Instant.now().isAfter(deadline)) {
                return view;
            }
            Thread.sleep(100);
        }
    }

    int batches() {
        return jdbc.queryForObject("SELECT count(*) FROM ownership_transfer_batch", Integer.class);
    }

    @Test
    void aLabelTransfersEveryRecordingOfAnOwnerUnderItsPrefixesAsOneRequest() throws Exception {
        String[] seller = label("Vendeur Bulk");
        String[] other = label("Voisin Bulk");
        String owner = "Catalogue Vendu " + UUID.randomUUID();
        List<String> sold = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sold.add(assign(seller[1], "Titre vendu " + i, owner));
        }
        String kept = assign(seller[1], "Titre gardé", "Autre propriétaire");
        String elsewhere = assign(other[1], "Titre du voisin", owner);

        ResponseEntity<JsonNode> started = send(HttpMethod.POST, "/v1/ownership-transfers", """
                {"fromOwner": "%s", "newOwner": "Acheteur Bulk", "effectiveDate": "%s"}"""
                .formatted(owner.toUpperCase(), today), seller[2], "bulk-transfer-test-1");

        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        String location = started.getHeaders().getLocation().toString();
        assertThat(location).isEqualTo("/v1/ownership-transfers/" + started.getBody().path("id").asText());
        assertThat(started.getBody().path("total").asInt()).isEqualTo(5);
        JsonNode done = awaitCompleted(location, seller[2]);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("done").asInt()).isEqualTo(5);
        assertThat(done.path("transferred").asInt()).isEqualTo(5);
        assertThat(done.path("results").findValuesAsText("isrc")).containsExactlyElementsOf(sold);
        assertThat(done.path("results").findValuesAsText("outcome")).containsOnly("TRANSFERRED");
        for (String isrc : sold) {
            assertThat(owner(isrc, "Acheteur Bulk")).isEqualTo("Acheteur Bulk");
        }
        assertThat(owner(kept, "Autre propriétaire")).isEqualTo("Autre propriétaire");
        assertThat(owner(elsewhere, owner)).isEqualTo(owner);

        // Each transfer is the ordinary event, with who asked and the request's correlation id; no code changed.
        List<String> metaData = jdbc.queryForList("SELECT convert_from(metadata, 'UTF8') FROM domainevententry"
                        + " WHERE payloadtype = 'org.isrcregistry.core.recording.OwnershipTransferred'"
                        + " AND aggregateidentifier = ANY (?)", String.class, (Object) sold.toArray(String[]::new));
        assertThat(metaData).hasSize(5).allSatisfy(m -> assertThat(m).contains("bulk-transfer-test-1", "token:"));
        // Another registrant does not see it.
        assertProblem(send(HttpMethod.GET, location, null, other[2], null), HttpStatus.NOT_FOUND, "not-found", "id");
    }

    @Test
    void aListOfCodesGetsAResultPerRecordingWithTheRefusalsOfTheOrdinaryTransfer() throws Exception {
        String[] label = label("Liste Bulk");
        String first = assign(label[1], "Premier", "Label Liste");
        String withdrawn = assign(label[1], "Retiré", "Label Liste");
        assertThat(send(HttpMethod.POST, "/v1/recordings/" + withdrawn + "/withdrawal",
                "{\"reason\": \"ASSIGNED_IN_ERROR\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        String unregistered = label[1].replace("-", "") + "0099999".substring(0, 7);

        ResponseEntity<JsonNode> started = send(HttpMethod.POST, "/v1/ownership-transfers", """
                {"isrcs": ["%s", "%s", "%s"], "newOwner": "Label Repreneur", "effectiveDate": "%s"}"""
                .formatted(first, withdrawn, unregistered, today));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode done = awaitCompleted(started.getHeaders().getLocation().toString(), null);

        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("transferred").asInt()).isEqualTo(1);
        assertThat(done.path("refused").asInt()).isEqualTo(2);
        JsonNode results = done.path("results");
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("TRANSFERRED");
        assertThat(results.get(1).path("refusal").path("type").asText()).endsWith("/withdrawn");
        assertThat(results.get(2).path("refusal").path("type").asText()).endsWith("/not-found");
        assertThat(owner(first, "Label Repreneur")).isEqualTo("Label Repreneur");
        assertThat(send(HttpMethod.GET, started.getHeaders().getLocation() + "?after=0&limit=1", null).getBody()
                .path("results").findValuesAsText("position")).containsExactly("1");
    }

    @Test
    void aBadRequestIsRefusedWithTheFieldAndNothingStarts() throws Exception {
        String[] label = label("Refus Bulk");
        String[] other = label("Autre Refus Bulk");
        String theirs = assign(other[1], "Pas à moi", "Label Autre");
        int before = batches();

        assertProblem(send(HttpMethod.POST, "/v1/ownership-transfers", """
                {"newOwner": "X", "effectiveDate": "%s"}""".formatted(today)), HttpStatus.BAD_REQUEST,
                "invalid-field", "fromOwner");
        assertProblem(send(HttpMethod.POST, "/v1/ownership-transfers", """
                {"fromOwner": "A", "isrcs": ["%s"], "newOwner": "X", "effectiveDate": "%s"}"""
                .formatted(theirs, today)), HttpStatus.BAD_REQUEST, "invalid-field", "isrcs");
        assertProblem(send(HttpMethod.POST, "/v1/ownership-transfers", """
                {"fromOwner": "Label A", "newOwner": "label a", "effectiveDate": "%s"}""".formatted(today)),
                HttpStatus.BAD_REQUEST, "invalid-field", "newOwner");
        assertProblem(send(HttpMethod.POST, "/v1/ownership-transfers", """
                {"fromOwner": "Label A", "newOwner": "Label B", "effectiveDate": "%s"}"""
                .formatted(LocalDate.now().plusYears(3))), HttpStatus.BAD_REQUEST, "invalid-field", "effectiveDate");
        assertProblem(send(HttpMethod.POST, "/v1/ownership-transfers", """
                {"isrcs": ["%s"], "newOwner": "Label B", "effectiveDate": "%s"}""".formatted(theirs, today),
                label[2], null), HttpStatus.FORBIDDEN, "forbidden", null);
        assertThat(batches()).isEqualTo(before);
        assertThat(owner(theirs, "Label Autre")).isEqualTo("Label Autre");
    }

    /** A node stopped after recording two results: the transfer resumes with the third, and records nothing twice. */
    @Test
    void anInterruptedTransferResumesAfterItsLastRecordedResult() throws Exception {
        String[] label = label("Reprise Bulk");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(assign(label[1], "Reprise " + i, "Label Interrompu"));
        }
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO ownership_transfer_batch (id, actor, correlation_id, new_owner, effective_date, status,
                    total, done, transferred) VALUES (?, 'token:test', 'resumed-transfer', 'Label Repris', ?,
                    'RUNNING', 4, 2, 2)""", id, LocalDate.now());
        for (int i = 0; i < 4; i++) {
            jdbc.update("INSERT INTO ownership_transfer_item (batch_id, position, isrc, outcome) VALUES (?, ?, ?, ?)",
                    id, i, codes.get(i), i < 2 ? "TRANSFERRED" : null);
        }

        transfers.resumeInterrupted();
        JsonNode done = awaitCompleted("/v1/ownership-transfers/" + id, null);

        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("done").asInt()).isEqualTo(4);
        assertThat(done.path("transferred").asInt()).isEqualTo(4);
        assertThat(owner(codes.get(2), "Label Repris")).isEqualTo("Label Repris");
        assertThat(owner(codes.get(3), "Label Repris")).isEqualTo("Label Repris");
        // The first two were recorded as done before the interruption: not sent again.
        assertThat(owner(codes.get(0), "Label Interrompu")).isEqualTo("Label Interrompu");
    }
}
