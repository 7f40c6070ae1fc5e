package org.isrcregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.recording.RecordingProjection;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** HTTP helpers for tests that share one application: every prefix they register is new. */
public final class TestRegistry {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1000));
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;

    public TestRegistry(TestRestTemplate http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** Registers a new prefix under DE-W (which no test names itself) and returns its display form, e.g. DE-W0K. */
    public String newPrefix() {
        return newPrefix(http, null, null);
    }

    /**
     * A new prefix under DE-W with the given designation range (null: all). Every test's random prefix comes from
     * here, one counter for all, so two tests never draw the same code.
     */
    public static String newPrefix(TestRestTemplate http, Integer first, Integer last) {
        for (int tries = 0; tries < ALPHABET.length() * ALPHABET.length(); tries++) {
            int n = NEXT.getAndIncrement();
            String code = "DE-W" + ALPHABET.charAt(n / 36 % 36) + ALPHABET.charAt(n % 36);
            String range = first == null ? "" : ", \"range\": {\"first\": " + first + ", \"last\": " + last + "}";
            ResponseEntity<JsonNode> response = sendAs(http, HttpMethod.POST, "/v1/prefixes",
                    "{\"prefix\": \"" + code + "\", \"registrant\": {\"name\": \"Test " + code + "\"}" + range + "}",
                    null);
            if (response.getStatusCode() == HttpStatus.CREATED) {
                return code;
            }
        }
        throw new IllegalStateException("every DE-W prefix is taken");
    }

    public static String song(String title) {
        return """
                {"title": "%s", "mainArtist": "Ariane Tremblay", "duration": "PT3M18S", "kind": "AUDIO",
                 "firstPublished": "2024-05-01", "owner": "Disques Nordet"}""".formatted(title);
    }

    /** Assigns a code to a new song and returns the 12-character ISRC. */
    public String assign(String prefix, String title) {
        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song(title), null);
        assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("isrc").asText();
    }

    /** A JSON request with this bearer token, or the shared client's own (the agency's) when it is null. */
    public static ResponseEntity<JsonNode> sendAs(TestRestTemplate http, HttpMethod method, String path, String body,
                                                  String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    public int eventsOf(String aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, aggregate.replace("-", ""));
    }

    public static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String type, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().path("type").asText()).isEqualTo("https://isrc-registry.org/problems/" + type);
        if (field != null) {
            assertThat(response.getBody().path("field").asText()).isEqualTo(field);
        }
        assertThat(response.getBody().path("action").asText()).isNotBlank();
    }

    /** Waits until the read models the queries serve (prefixes, recordings) have passed the event store's head. */
    public static boolean readModelsCaughtUp(ReadYourWrites readYourWrites) {
        return readYourWrites.awaitProjections(PrefixProjection.PROCESSING_GROUP, RecordingProjection.PROCESSING_GROUP);
    }
}
