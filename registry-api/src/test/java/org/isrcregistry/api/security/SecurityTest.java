package org.isrcregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.UUID;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who may do what, over real HTTP: per role, what is allowed and what is refused, and that a refusal changes nothing. */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest extends WithNewPrefix {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TokenChanges tokenChanges;

    /** No Authorization header at all (the shared TestRestTemplate sends the agency's). */
    TestRestTemplate anonymous;
    /** A prefix of another registrant, with one recording. */
    String otherPrefix;
    String othersIsrc;

    @BeforeEach
    void setUp() {
        anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        otherPrefix = registry.newPrefix();
        othersIsrc = registry.assign(otherPrefix, "Someone else's song");
    }

    @Test
    void thePublicLooksUpAndValidatesCodesWithoutAToken() {
        assertThat(anonymous.getForEntity("/v1/recordings/" + othersIsrc, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getForEntity("/v1/recordings/" + othersIsrc + "/lineage", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send(anonymous, HttpMethod.POST, "/v1/isrc-validations", "{\"codes\": [\"" + othersIsrc + "\"]}",
                null).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String open : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/info",
                "/v3/api-docs"}) {
            assertThat(anonymous.getForEntity(open, String.class).getStatusCode()).as(open).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void withoutATokenEverythingElseIs401AndChangesNothing() {
        int before = registry.eventsOf(prefix);
        ResponseEntity<JsonNode> assign = send(anonymous, HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("No token"), null);
        assertProblem(assign, HttpStatus.UNAUTHORIZED, "unauthorized", "Authorization");
        assertThat(assign.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(registry.eventsOf(prefix)).isEqualTo(before);
        for (String read : new String[] {"/v1/recordings?prefix=" + prefix, "/v1/prefixes/" + prefix,
                "/v1/recordings/" + othersIsrc + "/history", "/v1/admin/tokens", "/v1/admin/projections",
                "/actuator/metrics"}) {
            assertProblem(anonymous.getForEntity(read, JsonNode.class), HttpStatus.UNAUTHORIZED, "unauthorized", null);
        }
    }

    @Test
    void aRegistrantWritesOnItsOwnPrefixesOnly() throws Exception {
        JsonNode token = issue("{\"name\": \"Label\", \"role\": \"REGISTRANT\", \"prefixes\": [\"" + prefix + "\"]}");
        String secret = token.path("token").asText();

        ResponseEntity<JsonNode> own = send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Own song"), secret);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String isrc = own.getBody().path("isrc").asText();
        assertThat(actorOf(isrc)).isEqualTo("token:" + token.path("id").asText());
        assertThat(send(HttpMethod.POST, "/v1/recordings/" + isrc + "/ownership-transfers",
                "{\"newOwner\": \"Label Nordet\", \"effectiveDate\": \"2026-06-01\"}", secret).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String read : new String[] {"/v1/prefixes/" + prefix, "/v1/prefixes/" + prefix + "/recordings",
                "/v1/recordings/" + isrc + "/history"}) {
            assertThat(send(HttpMethod.GET, read, null, secret).getStatusCode()).as(read).isEqualTo(HttpStatus.OK);
        }

        int othersEvents = registry.eventsOf(otherPrefix);
        int othersRecordingEvents = registry.eventsOf(othersIsrc);
        ResponseEntity<JsonNode> foreign = send(HttpMethod.POST, "/v1/prefixes/" + otherPrefix + "/recordings",
                song("Not mine"), secret);
        assertProblem(foreign, HttpStatus.FORBIDDEN, "forbidden", null);
        assertThat(foreign.getBody().path("required").asText()).contains("REGISTRANT token holding " + otherPrefix);
        assertProblem(send(HttpMethod.POST, "/v1/recordings/" + othersIsrc + "/ownership-transfers",
                "{\"newOwner\": \"Thief\", \"effectiveDate\": \"2026-06-01\"}", secret), HttpStatus.FORBIDDEN,
                "forbidden", null);
        assertProblem(send(HttpMethod.PATCH, "/v1/recordings/" + othersIsrc, "{\"reason\": \"mine\", \"title\": \"X\"}",
                secret), HttpStatus.FORBIDDEN, "forbidden", null);
        // A new version of its own recording, issued under another registrant's prefix.
        assertProblem(send(HttpMethod.POST, "/v1/recordings/" + isrc + "/versions", """
                {"prefix": "%s", "change": "REMIX", "recording": %s}""".formatted(otherPrefix, song("Own song")),
                secret), HttpStatus.FORBIDDEN, "forbidden", null);
        assertThat(registry.eventsOf(otherPrefix)).isEqualTo(othersEvents);
        assertThat(registry.eventsOf(othersIsrc)).isEqualTo(othersRecordingEvents);

        for (String read : new String[] {"/v1/prefixes/" + otherPrefix, "/v1/recordings/" + othersIsrc + "/history",
                "/v1/recordings?prefix=" + otherPrefix, "/v1/admin/tokens"}) {
            assertProblem(send(HttpMethod.GET, read, null, secret), HttpStatus.FORBIDDEN, "forbidden", null);
        }
        assertProblem(send(HttpMethod.POST, "/v1/prefixes", "{\"countryCode\": \"DE\", \"registrant\": {\"name\": \"X\"}}",
                secret), HttpStatus.FORBIDDEN, "forbidden", null);
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() {
        String secret = issue("{\"name\": \"Auditor\", \"role\": \"AUDITOR\"}").path("token").asText();
        for (String read : new String[] {"/v1/prefixes/" + otherPrefix, "/v1/prefixes/" + otherPrefix + "/recordings",
                "/v1/recordings?prefix=" + otherPrefix, "/v1/recordings/" + othersIsrc + "/history",
                "/v1/admin/projections", "/v1/admin/dead-letters", "/v1/admin/tokens", "/actuator/metrics"}) {
            assertThat(send(HttpMethod.GET, read, null, secret).getStatusCode()).as(read).isEqualTo(HttpStatus.OK);
        }
        int before = registry.eventsOf(otherPrefix);
        assertProblem(send(HttpMethod.POST, "/v1/prefixes/" + otherPrefix + "/recordings", song("Audited"), secret),
                HttpStatus.FORBIDDEN, "forbidden", null);
        assertProblem(send(HttpMethod.POST, "/v1/prefixes/" + otherPrefix + "/suspension", "{\"reason\": \"audit\"}",
                secret), HttpStatus.FORBIDDEN, "forbidden", null);
        ResponseEntity<JsonNode> issue = send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"Escalation\", \"role\": \"AGENCY\"}", secret);
        assertProblem(issue, HttpStatus.FORBIDDEN, "forbidden", null);
        assertThat(issue.getBody().path("required").asText()).isEqualTo("AGENCY token");
        assertThat(registry.eventsOf(otherPrefix)).isEqualTo(before);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndAnExpiredOneToo() {
        JsonNode token = issue("{\"name\": \"Short-lived\", \"role\": \"AUDITOR\"}");
        String secret = token.path("token").asText();
        assertThat(send(HttpMethod.GET, "/v1/prefixes/" + prefix, null, secret).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> revoked = send(HttpMethod.DELETE, "/v1/admin/tokens/" + token.path("id").asText(),
                null, null);
        assertThat(revoked.getBody().path("revokedBy").asText()).startsWith("token:");
        ResponseEntity<JsonNode> refused = send(HttpMethod.GET, "/v1/prefixes/" + prefix, null, secret);
        assertProblem(refused, HttpStatus.UNAUTHORIZED, "unauthorized", null);
        assertThat(refused.getBody().path("detail").asText()).contains("revoked");
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");

        JsonNode expiring = issue("{\"name\": \"Expiring\", \"role\": \"AUDITOR\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}");
        jdbc.update("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?",
                UUID.fromString(expiring.path("id").asText()));
        tokenChanges.sync(); // a change made past this node's API reaches it as a notification

        ResponseEntity<JsonNode> expired = send(HttpMethod.GET, "/v1/prefixes/" + prefix, null,
                expiring.path("token").asText());
        assertProblem(expired, HttpStatus.UNAUTHORIZED, "unauthorized", null);
        assertThat(expired.getBody().path("detail").asText()).contains("expired");
    }

    @Test
    void aMalformedOrUnknownTokenIs401NeverA500() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer a b", "Basic dXNlcjpwYXNz", "Token abc",
                "Bearer " + "x".repeat(4_000), "Bearer isrc_" + "A".repeat(43), "bearer ===", ","}) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.AUTHORIZATION, header);
            ResponseEntity<JsonNode> response = http.exchange("/v1/prefixes/" + prefix, HttpMethod.GET,
                    new HttpEntity<>(headers), JsonNode.class);
            assertProblem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authorization");
            assertThat(response.getBody().path("detail").asText()).as(header).doesNotContain("Exception");
        }
    }

    @Test
    void aPathTheFirewallRejectsIsA400Problem() {
        assertProblem(http.exchange(URI.create("http://localhost:" + port + "/v1/prefixes/" + prefix + ";x=1"),
                HttpMethod.GET, null, JsonNode.class), HttpStatus.BAD_REQUEST, "malformed-request", null);
    }

    @Test
    void aTokenRequestIsValidatedFieldByField() {
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"L\", \"role\": \"REGISTRANT\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "registrantId");
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"L\", \"role\": \"REGISTRANT\", \"prefixes\": [\"DE-W!!\"]}", null),
                HttpStatus.BAD_REQUEST, "invalid-code", "prefixes[0]");
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"L\", \"role\": \"AUDITOR\", \"prefixes\": [\"" + prefix + "\"]}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "prefixes");
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"L\", \"role\": \"AUDITOR\", \"admin\": true}",
                null), HttpStatus.BAD_REQUEST, "malformed-request", "admin");
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"L\", \"role\": \"AUDITOR\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "expiresAt");
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"L\", \"role\": \"ROOT\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "role");
        assertProblem(send(HttpMethod.DELETE, "/v1/admin/tokens/" + UUID.randomUUID(), null, null),
                HttpStatus.NOT_FOUND, "not-found", "id");
    }

    @Test
    void aSecretIsShownOnceAndNeverLoggedNorStored(CapturedOutput output) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        ResponseEntity<JsonNode> created = http.exchange("/v1/admin/tokens", HttpMethod.POST, new HttpEntity<>(
                "{\"name\": \"Logged?\", \"role\": \"AUDITOR\"}", headers), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getCacheControl()).contains("no-store");
        String secret = created.getBody().path("token").asText();
        String id = created.getBody().path("id").asText();
        assertThat(secret).startsWith("isrc_").hasSize(48);
        String unknown = "isrc_" + "b".repeat(43);
        send(HttpMethod.GET, "/v1/prefixes/" + prefix, null, unknown);

        assertThat(output.getAll()).contains(id).doesNotContain(secret).doesNotContain(unknown)
                .doesNotContain(secret.substring(5, 20));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token WHERE secret_hash = sha256(?::bytea)",
                Integer.class, secret)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_token t WHERE strpos(t::text, ?) > 0",
                Integer.class, secret.substring(5))).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE strpos(encode(body, 'escape'), ?) > 0",
                Integer.class, secret.substring(5))).isZero();
        for (JsonNode listed : send(HttpMethod.GET, "/v1/admin/tokens", null, null).getBody()) {
            assertThat(listed.has("token")).isFalse();
        }
    }

    @Test
    void idempotencyKeysStayScopedToTheToken() {
        String secret = issue("{\"name\": \"Label\", \"role\": \"REGISTRANT\", \"prefixes\": [\"" + prefix + "\"]}")
                .path("token").asText();
        String key = UUID.randomUUID().toString();
        HttpHeaders asRegistrant = headers(secret);
        asRegistrant.set("Idempotency-Key", key);
        assertThat(http.exchange("/v1/prefixes/" + prefix + "/recordings", HttpMethod.POST,
                new HttpEntity<>(song("Keyed"), asRegistrant), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // The same key from the agency, for another request: its own key, not a reuse of the registrant's.
        ResponseEntity<JsonNode> agency = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Keyed by the agency"), key);
        assertThat(agency.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(agency.getHeaders().containsKey("Idempotent-Replayed")).isFalse();
    }

    private JsonNode issue(String request) {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/v1/admin/tokens", request, null);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private String actorOf(String isrc) throws Exception {
        byte[] metadata = jdbc.queryForObject("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber LIMIT 1", byte[].class, isrc);
        return JSON.readTree(metadata).path("actor").asText();
    }

    /** With this token's secret, or the agency's when null. */
    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, String secret) {
        return send(http, method, path, body, secret);
    }

    private static ResponseEntity<JsonNode> send(TestRestTemplate client, HttpMethod method, String path, String body,
                                                 String secret) {
        return client.exchange(path, method, new HttpEntity<>(body, headers(secret)), JsonNode.class);
    }

    private static HttpHeaders headers(String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (secret != null) {
            headers.setBearerAuth(secret);
        }
        return headers;
    }
}
