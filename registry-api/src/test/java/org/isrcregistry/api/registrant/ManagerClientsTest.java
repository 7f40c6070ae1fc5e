package org.isrcregistry.api.registrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
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
 * ISRC Managers and their clients over real HTTP on the shared registry (PostgreSQL, Kafka): authorisations, the
 * client every assignment under a manager's prefix names, the yearly cap (also under concurrent assignments on two of
 * the manager's prefixes), and each client's list of codes.
 */
@RegistryIntegrationTest
class ManagerClientsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, String token) {
        return TestRegistry.sendAs(http, method, path, body, token);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return send(method, path, body, null);
    }

    String manager(String name, int cap) {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/v1/registrants", """
                {"legalName": "%s", "country": "NL", "kind": "ISRC_MANAGER", "volumeTier": "LOW_VOLUME",
                 "yearlyCap": %d, "contacts": [{"name": "Codes", "email": "codes@manager.example"}]}"""
                .formatted(name, cap));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("registrant").path("id").asText();
    }

    /** The next free NL prefix, allocated to the registrant. */
    String prefix(String registrant) {
        ResponseEntity<JsonNode> allocated = send(HttpMethod.POST, "/v1/prefixes",
                "{\"countryCode\": \"NL\", \"registrantId\": \"" + registrant + "\"}");
        assertThat(allocated.getStatusCode()).as(String.valueOf(allocated.getBody())).isEqualTo(HttpStatus.CREATED);
        return allocated.getBody().path("prefix").asText();
    }

    String token(String registrant, String role) {
        ResponseEntity<JsonNode> issued = send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"" + role + " "
                + registrant + "\", \"role\": \"" + role + "\""
                + (role.equals("REGISTRANT") ? ", \"registrantId\": \"" + registrant + "\"" : "") + "}");
        assertThat(issued.getStatusCode()).as(String.valueOf(issued.getBody())).isEqualTo(HttpStatus.CREATED);
        return issued.getBody().path("token").asText();
    }

    ResponseEntity<JsonNode> authorise(String manager, String client, String token) {
        return send(HttpMethod.POST, "/v1/registrants/" + manager + "/clients", """
                {"client": "%s", "authorisedOn": "%s", "evidenceReference": "mandate 2026-004"}"""
                .formatted(client, LocalDate.now().minusDays(10)), token);
    }

    static String song(String title, String owner, String client) {
        return """
                {"title": "%s", "mainArtist": "Ariane Tremblay", "duration": "PT3M18S", "kind": "AUDIO",
                 "owner": "%s"%s}""".formatted(title, owner, client == null ? "" : ", \"client\": \"" + client + "\"");
    }

    ResponseEntity<JsonNode> assign(String prefix, String body, String token) {
        return send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", body, token);
    }

    ResponseEntity<JsonNode> version(String parent, String prefix, String recording, String token) {
        return send(HttpMethod.POST, "/v1/recordings/" + parent + "/versions",
                "{\"prefix\": \"" + prefix + "\", \"change\": \"REMIX\", \"recording\": " + recording + "}", token);
    }

    int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    @Test
    void aManagerAssignsOnlyForAuthorisedClientsWithinItsCapAndEachClientGetsItsCodes() {
        String manager = manager("Codes Nord ltée", 4);
        String first = prefix(manager);
        String second = prefix(manager);
        String managerToken = token(manager, "REGISTRANT");

        ResponseEntity<JsonNode> authorised = authorise(manager, "Les Disques Boréal", managerToken);
        assertThat(authorised.getStatusCode()).as(String.valueOf(authorised.getBody())).isEqualTo(HttpStatus.CREATED);
        String boreal = authorised.getBody().path("id").asText();
        assertThat(authorised.getHeaders().getLocation()).hasToString("/v1/registrants/" + manager + "/clients/" + boreal);
        assertThat(authorised.getBody().path("evidenceReference").asText()).isEqualTo("mandate 2026-004");
        String austral = authorise(manager, "Austral Musique", null).getBody().path("id").asText();

        // The history reads like the agency's file: who recorded the authorisation, and what it rests on.
        JsonNode history = send(HttpMethod.GET, "/v1/registrants/" + manager + "/history", null).getBody();
        JsonNode entry = null;
        for (JsonNode change : history) {
            if (change.path("type").asText().equals("ClientAuthorised")) {
                entry = change;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("actor").asText()).startsWith("token:");
        assertThat(entry.path("reason").asText()).contains("Austral Musique", "mandate 2026-004");

        int before = events();
        assertProblem(assign(first, song("Sans client", "Les Disques Boréal", null), managerToken),
                HttpStatus.UNPROCESSABLE_ENTITY, "client-not-authorised", "client");
        assertProblem(assign(first, song("Client inconnu", "Les Disques Boréal",
                        "00000000-0000-4000-8000-000000000000"), managerToken),
                HttpStatus.UNPROCESSABLE_ENTITY, "client-not-authorised", "client");
        assertProblem(assign(first, song("Autre maître", "Quelqu'un d'autre", boreal), managerToken),
                HttpStatus.UNPROCESSABLE_ENTITY, "client-not-authorised", "owner");
        ResponseEntity<JsonNode> notAnId = assign(first, song("Mauvais id", "Les Disques Boréal", "not-a-uuid"),
                managerToken);
        assertThat(notAnId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAnId.getBody().path("field").asText()).isEqualTo("client");
        assertThat(events()).isEqualTo(before);

        String one = assign(first, song("Aurore", "Les Disques Boréal", boreal), managerToken).getBody()
                .path("isrc").asText();
        String two = assign(second, song("Brume", "les disques  boréal", boreal), managerToken).getBody()
                .path("isrc").asText();
        assertThat(assign(second, song("Cap", "Austral Musique", austral), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // A new version takes a new code under the manager's prefix: it names its client and counts against the cap.
        before = events();
        assertProblem(version(one, first, song("Aurore (remix)", "Les Disques Boréal", null), managerToken),
                HttpStatus.UNPROCESSABLE_ENTITY, "client-not-authorised", "client");
        assertProblem(version(one, first, song("Aurore (remix)", "Austral Musique", boreal), managerToken),
                HttpStatus.UNPROCESSABLE_ENTITY, "client-not-authorised", "owner");
        assertThat(events()).isEqualTo(before);
        ResponseEntity<JsonNode> remix = version(one, first, song("Aurore (remix)", "Les Disques Boréal", boreal),
                managerToken);
        assertThat(remix.getStatusCode()).as(String.valueOf(remix.getBody())).isEqualTo(HttpStatus.CREATED);
        String three = remix.getBody().path("isrc").asText();

        before = events();
        ResponseEntity<JsonNode> refused = assign(first, song("De trop", "Austral Musique", austral), managerToken);
        assertProblem(refused, HttpStatus.CONFLICT, "yearly-cap-reached", "client");
        assertThat(refused.getBody().path("detail").asText()).contains("yearly cap", "4 codes", "cap 4");
        assertProblem(version(two, second, song("Brume (live)", "Les Disques Boréal", boreal), managerToken),
                HttpStatus.CONFLICT, "yearly-cap-reached", "client");
        assertThat(events()).isEqualTo(before);

        JsonNode page = send(HttpMethod.GET, "/v1/registrants/" + manager + "/clients/" + boreal + "/recordings",
                null, token(manager, "AUDITOR")).getBody();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("items").findValuesAsText("isrc")).containsExactly(one, two, three);
        JsonNode clients = send(HttpMethod.GET, "/v1/registrants/" + manager + "/clients", null, managerToken)
                .getBody();
        assertThat(clients.findValuesAsText("client")).containsExactly("Austral Musique", "Les Disques Boréal");
        assertThat(clients.findValuesAsText("codes")).containsExactly("1", "3");

        HttpHeaders csv = new HttpHeaders();
        csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        csv.setBearerAuth(managerToken);
        ResponseEntity<String> rows = http.exchange("/v1/registrants/" + manager + "/clients/" + boreal + "/recordings",
                HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(rows.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rows.getBody().lines().toList()).hasSize(4).first().asString()
                .startsWith("isrc,display,assignedAt,title");
        assertThat(rows.getBody()).contains(one, two, three);
    }

    @Test
    void onlyTheAgencyAuditorsAndTheManagerItselfSeeItsClients() {
        String manager = manager("Codes Discrets", 10);
        String client = authorise(manager, "Label Discret", null).getBody().path("id").asText();
        String other = manager("Codes Voisins", 10);
        String path = "/v1/registrants/" + manager + "/clients/" + client + "/recordings";

        HttpHeaders anonymous = new HttpHeaders();
        anonymous.set(HttpHeaders.AUTHORIZATION, "");
        assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(anonymous), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertProblem(send(HttpMethod.GET, path, null, token(other, "REGISTRANT")), HttpStatus.FORBIDDEN,
                "forbidden", null);
        assertProblem(authorise(manager, "Label Voleur", token(other, "REGISTRANT")), HttpStatus.FORBIDDEN,
                "forbidden", null);
        assertThat(send(HttpMethod.GET, path, null, token(manager, "REGISTRANT")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertProblem(send(HttpMethod.GET, "/v1/registrants/" + other + "/clients/" + client + "/recordings", null),
                HttpStatus.NOT_FOUND, "not-found", "client");
    }

    @Test
    void anAuthorisationIsRecordedOncePerClientByAManagerOnly() {
        String manager = manager("Codes Uniques", 10);
        assertThat(authorise(manager, "Label Unique", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        int before = events();

        assertProblem(authorise(manager, "label  UNIQUE", null), HttpStatus.CONFLICT, "conflict", "client");
        ResponseEntity<JsonNode> producer = send(HttpMethod.POST, "/v1/registrants", """
                {"legalName": "Producteur", "country": "NL", "kind": "PRODUCER", "contacts": [{"name": "x"}]}""");
        assertProblem(authorise(producer.getBody().path("registrant").path("id").asText(), "Label", null),
                HttpStatus.UNPROCESSABLE_ENTITY, "rule-refused", "registrantId");
        assertProblem(send(HttpMethod.POST, "/v1/registrants/" + manager + "/clients", """
                {"client": "Label Futur", "authorisedOn": "%s", "evidenceReference": "m-1"}"""
                .formatted(LocalDate.now().plusDays(3))), HttpStatus.BAD_REQUEST, "invalid-field", "authorisedOn");
        assertProblem(send(HttpMethod.POST, "/v1/registrants/" + manager + "/clients",
                "{\"client\": \"Label\", \"authorisedOn\": \"2026-01-01\"}"), HttpStatus.BAD_REQUEST, "invalid-field",
                "evidenceReference");
        assertThat(events()).isEqualTo(before + 1); // the producer's registration only
    }

    /**
     * Two of the manager's prefixes are two aggregates deciding on their own: the cap over both holds because the
     * yearly counter row, updated in each assignment's transaction, makes the later of two overlapping batches be
     * decided again.
     */
    @Test
    void theCapHoldsUnderConcurrentAssignmentsOnSeveralPrefixes() throws Exception {
        int cap = 12;
        String manager = manager("Codes Concurrents", cap);
        List<String> prefixes = List.of(prefix(manager), prefix(manager), prefix(manager));
        String client = authorise(manager, "Label Pressé", null).getBody().path("id").asText();

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 36; i++) {
                String prefix = prefixes.get(i % prefixes.size());
                String body = song("Titre " + i, "Label Pressé", client);
                answers.add(pool.submit((Callable<ResponseEntity<JsonNode>>) () -> assign(prefix, body, null)));
            }
            int assigned = 0;
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                ResponseEntity<JsonNode> response = answer.get();
                if (response.getStatusCode() == HttpStatus.CREATED) {
                    assigned++;
                } else {
                    assertProblem(response, HttpStatus.CONFLICT, "yearly-cap-reached", "client");
                }
            }
            assertThat(assigned).isEqualTo(cap);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM manager_client_code WHERE client_id = ?::uuid",
                Integer.class, client)).isEqualTo(cap);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ?"
                        + " AND aggregateidentifier = ANY (?)", Integer.class,
                "org.isrcregistry.core.prefix.DesignationTaken",
                prefixes.stream().map(p -> p.replace("-", "")).toArray(String[]::new))).isEqualTo(cap);
    }
}
