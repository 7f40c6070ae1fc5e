package org.isrcregistry.api.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The promise every command keeps (docs/write-side.md, "Read-your-writes"): a GET sent right after its answer shows
 * the change, and shows it as the answer did. One request after the other, no waiting in between.
 */
@RegistryIntegrationTest
class GetRightAfterCommandTest extends WithNewPrefix {

    private JsonNode answered(HttpMethod method, String path, String body, HttpStatus status) {
        ResponseEntity<JsonNode> response = registry.send(method, path, body, null);
        assertThat(response.getStatusCode()).as(method + " " + path + ": " + response.getBody()).isEqualTo(status);
        return response.getBody();
    }

    /** The recording a command answered with, and the GET right after it: the same public state. */
    private JsonNode sameOnGet(JsonNode answer) {
        String isrc = answer.path("isrc").asText();
        JsonNode found = http.getForObject("/v1/recordings/" + isrc, JsonNode.class);
        assertThat(found).as(isrc).isEqualTo(answer.path("recording"));
        return found;
    }

    @Test
    void aGetRightAfterEachRecordingCommandShowsWhatTheCommandAnswered() {
        String recordings = "/v1/prefixes/" + prefix + "/recordings";
        JsonNode assigned = sameOnGet(answered(HttpMethod.POST, recordings, song("Right After"), HttpStatus.CREATED));
        String isrc = assigned.path("isrc").asText();
        String path = "/v1/recordings/" + isrc;

        String existing = prefix.replace("-", "") + "1900077";
        assertThat(sameOnGet(answered(HttpMethod.PUT, "/v1/recordings/" + existing, song("Registered Before"),
                HttpStatus.CREATED)).path("title").asText()).isEqualTo("Registered Before");
        JsonNode version = sameOnGet(answered(HttpMethod.POST, path + "/versions",
                "{\"change\": \"REMIX\", \"recording\": %s}".formatted(song("Right After (Remix)")), HttpStatus.CREATED));
        assertThat(version.path("parent").asText()).isEqualTo(isrc);
        assertThat(http.getForObject(path, JsonNode.class).path("children").get(0).asText())
                .isEqualTo(version.path("isrc").asText());
        assertThat(sameOnGet(answered(HttpMethod.POST, path + "/ownership-transfers",
                "{\"newOwner\": \"Label Deux\", \"effectiveDate\": \"2025-01-01\"}", HttpStatus.OK))
                .path("owner").asText()).isEqualTo("Label Deux");
        assertThat(sameOnGet(answered(HttpMethod.POST, path + "/distributor-changes",
                "{\"distributor\": \"Distro\", \"effectiveDate\": \"2025-02-01\"}", HttpStatus.OK))
                .path("distributor").asText()).isEqualTo("Distro");
        assertThat(sameOnGet(answered(HttpMethod.PATCH, path,
                "{\"reason\": \"typo\", \"title\": \"Right After, Corrected\"}", HttpStatus.OK))
                .path("title").asText()).isEqualTo("Right After, Corrected");
        assertThat(sameOnGet(answered(HttpMethod.POST, path + "/releases",
                "{\"code\": \"036000291452\", \"title\": \"Album\", \"format\": \"Digital album\"}", HttpStatus.OK))
                .path("releases")).hasSize(1);
        assertThat(sameOnGet(answered(HttpMethod.POST, path + "/works", "{\"iswc\": \"T-034.524.680-1\"}",
                HttpStatus.OK)).path("works")).hasSize(1);
        assertThat(sameOnGet(answered(HttpMethod.POST, path + "/withdrawal", "{\"reason\": \"ASSIGNED_IN_ERROR\"}",
                HttpStatus.OK)).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aGetRightAfterAPrefixCommandShowsTheChange() {
        String prefixPath = "/v1/prefixes/" + prefix;
        answered(HttpMethod.POST, prefixPath + "/suspension", "{\"reason\": \"unpaid fees\"}", HttpStatus.OK);
        assertThat(http.getForObject(prefixPath, JsonNode.class).path("status").asText()).isEqualTo("SUSPENDED");
        answered(HttpMethod.DELETE, prefixPath + "/suspension", null, HttpStatus.OK);
        assertThat(http.getForObject(prefixPath, JsonNode.class).path("status").asText()).isEqualTo("ACTIVE");
    }
}
