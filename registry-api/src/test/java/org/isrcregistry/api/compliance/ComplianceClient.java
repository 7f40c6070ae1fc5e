package org.isrcregistry.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.projections.compliance.ComplianceProjection;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP helpers for the audit and report tests: requests with a chosen token, every page of a report, its CSV. */
final class ComplianceClient {

    private final TestRestTemplate http;
    private final ReadYourWrites readYourWrites;

    ComplianceClient(TestRestTemplate http, ReadYourWrites readYourWrites) {
        this.http = http;
        this.readYourWrites = readYourWrites;
    }

    /** A new prefix with the given designation range (null: all). */
    String newPrefix(Integer first, Integer last) {
        return TestRegistry.newPrefix(http, first, last);
    }

    /** Issues a token; returns {id, token, ...}. */
    JsonNode issue(String request) {
        ResponseEntity<JsonNode> issued = send(HttpMethod.POST, "/v1/admin/tokens", request, null);
        assertThat(issued.getStatusCode()).as(String.valueOf(issued.getBody())).isEqualTo(HttpStatus.CREATED);
        return issued.getBody();
    }

    static String recording(String title, String artist, String duration, String extra) {
        return """
                {"title": "%s", "mainArtist": "%s", "duration": "%s", "kind": "AUDIO", "owner": "Owner %s"%s}"""
                .formatted(title, artist, duration, artist, extra);
    }

    String assign(String prefix, String body, String secret) {
        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", body,
                secret);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().path("isrc").asText();
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, String secret) {
        return TestRegistry.sendAs(http, method, path, body, secret);
    }

    ResponseEntity<JsonNode> get(String path, String secret) {
        return send(HttpMethod.GET, path, null, secret);
    }

    /** Every item of every page, following 'next'; each page at most {@code limit}. */
    List<JsonNode> all(String path, int limit, String secret) {
        awaitCompliance();
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ResponseEntity<JsonNode> page = get(path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor), secret);
            assertThat(page.getStatusCode()).as(String.valueOf(page.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody().path("items").size()).isLessThanOrEqualTo(limit);
            page.getBody().path("items").forEach(items::add);
            cursor = page.getBody().path("next").isTextual() ? page.getBody().path("next").asText() : null;
        } while (cursor != null);
        return items;
    }

    List<String> csv(String path, String secret) {
        awaitCompliance();
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        if (secret != null) {
            headers.setBearerAuth(secret);
        }
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        return response.getBody().lines().toList();
    }

    /** The automatic conflicts opened, and the compliance read model caught up with everything committed. */
    void awaitCompliance() {
        assertThat(readYourWrites.awaitProjections(ConflictOpener.PROCESSING_GROUP)).isTrue();
        assertThat(readYourWrites.awaitProjections(ComplianceProjection.PROCESSING_GROUP)).isTrue();
    }
}
