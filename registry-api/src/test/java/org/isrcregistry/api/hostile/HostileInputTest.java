package org.isrcregistry.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isrcregistry.api.TestRegistry.assertProblem;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.config.StorableEvents.UnstorableEventException;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Findings 1 to 6 of issue 11, as a hostile client sent them: each is refused with a problem naming the field, and
 * nothing is stored.
 */
@RegistryIntegrationTest
class HostileInputTest extends WithNewPrefix {

    @Autowired
    EventStore eventStore;

    private static final String LONE_SURROGATE = "x\\ud800y";

    @Test
    void aLoneSurrogateInAnyTextFieldIsRefusedAndNothingStored() {
        String isrc = registry.assign(prefix, "Clean");
        int before = events();

        assertProblem(assign(song(LONE_SURROGATE)), HttpStatus.BAD_REQUEST, "invalid-field", "title");
        assertProblem(registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                "{\"mainArtist\": \"" + LONE_SURROGATE + "\", \"reason\": \"typo\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "mainArtist");
        assertProblem(registry.send(HttpMethod.POST, "/v1/recordings/" + isrc + "/ownership-transfers",
                "{\"newOwner\": \"\\udfff\", \"effectiveDate\": \"2025-01-01\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "newOwner");
        assertProblem(registry.send(HttpMethod.POST, "/v1/recordings/" + isrc + "/versions",
                "{\"change\": \"REMIX\", \"recording\": " + song("Club").replace("Ariane Tremblay", LONE_SURROGATE)
                        + "}", null), HttpStatus.BAD_REQUEST, "invalid-field", "recording.mainArtist");
        assertProblem(assign(song("Bell\\u0007")), HttpStatus.BAD_REQUEST, "invalid-field", "title");

        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "-0.001", "0.0", "86401", "1e9"})
    void aDurationSentAsANumberIsCheckedLikeAString(String duration) {
        String isrc = registry.assign(prefix, "Parent");
        int before = events();

        assertProblem(assign(song("Numbers").replace("\"PT3M18S\"", duration)),
                HttpStatus.BAD_REQUEST, "invalid-code", "duration");
        assertProblem(registry.send(HttpMethod.POST, "/v1/recordings/" + isrc + "/versions",
                "{\"change\": \"EDIT\", \"recording\": " + song("Edit").replace("\"PT3M18S\"", duration) + "}", null),
                HttpStatus.BAD_REQUEST, "invalid-code", "recording.duration");

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aDurationSentAsANumberOfSecondsReadsBack() {
        ResponseEntity<JsonNode> assigned = assign(song("Seconds").replace("\"PT3M18S\"", "198.5"));
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode read = http.getForObject("/v1/recordings/" + assigned.getBody().path("isrc").asText(), JsonNode.class);
        assertThat(read.path("duration").asText()).isEqualTo("PT3M18.5S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", ";;;", "*/*;q=0", "application/json;q=0, text/*", "application/xml",
            "application/problem+json"})
    void anUnusableAcceptIsRefusedBeforeAnythingIsStored(String accept) {
        String isrc = registry.assign(prefix, "Accepted " + accept.hashCode());
        int before = events();
        int tokens = tokens();

        assertProblem(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Html"), accept),
                HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Accept");
        assertProblem(send(HttpMethod.PATCH, "/v1/recordings/" + isrc, "{\"title\": \"T\", \"reason\": \"r\"}", accept),
                HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Accept");
        assertProblem(send(HttpMethod.POST, "/v1/recordings/" + isrc + "/ownership-transfers",
                "{\"newOwner\": \"Nordet\", \"effectiveDate\": \"2025-01-01\"}", accept),
                HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Accept");
        assertProblem(send(HttpMethod.POST, "/v1/recordings/" + isrc + "/versions",
                "{\"change\": \"REMIX\", \"recording\": " + song("Remix") + "}", accept),
                HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Accept");
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"Unseen\", \"role\": \"AUDITOR\"}", accept),
                HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Accept");

        assertThat(events()).isEqualTo(before);
        assertThat(tokens()).isEqualTo(tokens);
    }

    @Test
    void anAcceptThatAllowsJsonIsServed() {
        for (String accept : new String[] {"application/json", "*/*", "text/html, application/*;q=0.1",
                "application/problem+json, application/json;q=0.5"}) {
            assertThat(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Ok " + accept), accept)
                    .getStatusCode()).as(accept).isEqualTo(HttpStatus.CREATED);
        }
    }

    @Test
    void duplicateKeysTrailingDataAndDeepNestingAreMalformed() {
        String isrc = registry.assign(prefix, "Strict");
        int before = events();

        assertProblem(registry.send(HttpMethod.POST, "/v1/recordings/" + isrc + "/withdrawal",
                "{\"reason\": \"ASSIGNED_IN_ERROR\", \"reason\": \"ASSIGNED_IN_ERROR\"}", null),
                HttpStatus.BAD_REQUEST, "malformed-request", null);
        assertProblem(registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                "{\"title\": \"A\", \"title\": \"B\", \"reason\": \"typo\"}", null),
                HttpStatus.BAD_REQUEST, "malformed-request", null);
        assertProblem(registry.send(HttpMethod.POST, "/v1/recordings/" + isrc + "/ownership-transfers",
                "{\"newOwner\": \"A\", \"effectiveDate\": \"2025-01-01\", \"newOwner\": \"B\"}", null),
                HttpStatus.BAD_REQUEST, "malformed-request", null);
        assertProblem(registry.send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"A\", \"role\": \"AUDITOR\", \"role\": \"AGENCY\"}", null),
                HttpStatus.BAD_REQUEST, "malformed-request", null);
        assertProblem(registry.send(HttpMethod.POST, "/v1/recordings/" + isrc + "/ownership-transfers",
                "{\"newOwner\": \"A\", \"effectiveDate\": \"2025-01-01\"} {\"newOwner\": \"B\"}", null),
                HttpStatus.BAD_REQUEST, "malformed-request", null);
        ResponseEntity<JsonNode> deep = registry.send(HttpMethod.POST, "/v1/isrc-validations",
                "{\"codes\": [\"CA-K7Q-26-00001\"], \"x\": " + "[".repeat(2000) + "]".repeat(2000) + "}", null);
        assertThat(deep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(deep.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(events()).isEqualTo(before);
        assertThat(http.getForObject("/v1/recordings/" + isrc, JsonNode.class).path("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aTokenThatCouldNotBeStoredIsRefused() {
        int tokens = tokens();

        assertProblem(registry.send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"Forever\", \"role\": \"AUDITOR\", \"expiresAt\": \"+999999999-12-31T23:59:59Z\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "expiresAt");
        assertProblem(registry.send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"Nobody\", \"role\": \"REGISTRANT\", \"prefixes\": [null]}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "prefixes[0]");

        assertThat(tokens()).isEqualTo(tokens);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "+10000-01-01", "1876-12-31", "-0001-01-01"})
    void aDateOutsideTheRegistrysRangeIsRefused(String date) {
        String isrc = registry.assign(prefix, "Dated");
        int before = events();

        assertProblem(assign(song("Old").replace("2024-05-01", date)),
                HttpStatus.BAD_REQUEST, "invalid-field", "firstPublished");
        assertProblem(registry.send(HttpMethod.POST, "/v1/recordings/" + isrc + "/ownership-transfers",
                "{\"newOwner\": \"Nordet\", \"effectiveDate\": \"" + date + "\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "effectiveDate");
        assertProblem(registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                "{\"firstPublished\": \"" + date + "\", \"reason\": \"typo\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "firstPublished");

        assertThat(events()).isEqualTo(before);
    }

    /**
     * The last guard (StorableEvents): an event that would not read back, or that jsonb would refuse, is never stored,
     * even when it bypasses the commands' checks (here published straight to the event store).
     */
    @Test
    void anEventThatCouldNotBeReadBackOrProjectedIsNeverStored() {
        Isrc isrc = Isrc.parse(registry.assign(prefix, "Round trip"));
        int before = registry.eventsOf(isrc.value());

        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("Recording", isrc.value(), before,
                new OwnershipTransferred(isrc, "Disques Nordet", "x\ud800y", LocalDate.of(2025, 1, 1)))))
                .isInstanceOf(UnstorableEventException.class);

        assertThat(registry.eventsOf(isrc.value())).isEqualTo(before);
    }

    /** Finding 11: the public health shows statuses only; an auditor or the agency sees the details. */
    @Test
    void thePublicHealthShowsNoInternals() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(http.getRootUri() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.body()).contains("\"kafka\"", "\"db\"")
                .doesNotContain("details", "clusterId", "backlog", "path", "/tmp", "var");
        assertThat(http.getForObject("/actuator/health", JsonNode.class).path("components").path("kafka")
                .path("details").has("backlog")).isTrue();
    }

    private ResponseEntity<JsonNode> assign(String body) {
        return registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", body, null);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT, accept);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    private int tokens() {
        return jdbc.queryForObject("SELECT count(*) FROM api_token", Integer.class);
    }
}
