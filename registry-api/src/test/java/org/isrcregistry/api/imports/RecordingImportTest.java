package org.isrcregistry.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isrcregistry.api.TestRegistry.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@RegistryIntegrationTest
class RecordingImportTest extends WithNewPrefix {
    String code;

    @BeforeEach
    void code() {
        code = prefix.replace("-", "");
    }

    private ResponseEntity<JsonNode> importing(String contentType, String content, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return http.postForEntity("/v1/prefixes/" + prefix + "/recordings/imports", new HttpEntity<>(content, headers),
                JsonNode.class);
    }

    private JsonNode completed(ResponseEntity<JsonNode> accepted) {
        String location = accepted.getHeaders().getLocation().toString();
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.getForObject(location, JsonNode.class), view -> "COMPLETED".equals(view.path("status").asText()));
    }

    @Test
    void aCsvWithMixedRowsRegistersTheGoodOnesAndRefusesTheOthersWithTheirReasons() {
        String existing = registry.assign(prefix, "Déjà là");
        String csv = """
                isrc,title,mainArtist,duration,kind,owner,firstPublished
                %1$s1500001,Première,Ariane,PT3M,AUDIO,Nordet,2015-03-01
                %1$s1500002,Deuxième,Ariane,200,audio,Nordet,
                %1$s15000X3,Mauvais code,Ariane,PT3M,AUDIO,Nordet,
                %1$s1500004,,Ariane,PT3M,AUDIO,Nordet,
                %1$s1500005,Durée,Ariane,trois minutes,AUDIO,Nordet,
                FRZ9A1500006,Autre préfixe,Ariane,PT3M,AUDIO,Nordet,
                %2$s,Autre chanson,Ariane,PT3M,AUDIO,Nordet,
                %1$s1500001,Première,Ariane,PT3M,AUDIO,Nordet,2015-03-01
                """.formatted(code, existing);

        ResponseEntity<JsonNode> accepted = importing("text/csv", csv, null);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getHeaders().getLocation().toString()).startsWith("/v1/prefixes/" + prefix + "/recordings/imports/");
        assertThat(accepted.getBody().path("total").asInt()).isEqualTo(8);
        JsonNode done = completed(accepted);
        assertThat(done.path("done").asInt()).isEqualTo(8);
        assertThat(done.path("registered").asInt()).isEqualTo(2);
        assertThat(done.path("alreadyRegistered").asInt()).isEqualTo(1);
        assertThat(done.path("refused").asInt()).isEqualTo(5);
        JsonNode rows = done.path("rows");
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0).path("outcome").asText()).isEqualTo("REGISTERED");
        assertThat(rows.get(2).path("refusal").path("field").asText()).isEqualTo("isrc");
        assertThat(rows.get(3).path("refusal").path("field").asText()).isEqualTo("title");
        assertThat(rows.get(4).path("refusal").path("field").asText()).isEqualTo("duration");
        assertThat(rows.get(5).path("refusal").path("detail").asText()).contains("not under the prefix");
        assertThat(rows.get(6).path("row").asInt()).isEqualTo(7);
        assertThat(rows.get(6).path("refusal").path("type").asText()).endsWith("/code-already-registered");
        assertThat(rows.get(7).path("outcome").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(registry.eventsOf(code + "1500002")).isEqualTo(1);
        assertThat(registry.eventsOf(code + "1500004")).isZero();

        JsonNode refusedOnly = http.getForObject(accepted.getHeaders().getLocation() + "?outcome=REFUSED&limit=2",
                JsonNode.class);
        assertThat(refusedOnly.path("rows")).hasSize(2);
        assertThat(refusedOnly.path("nextAfter").asInt()).isEqualTo(4);
    }

    @Test
    void theSameContentAgainIsTheSameImportAndChangesNothingTwice() {
        String ndjson = """
                {"isrc": "%1$s1400001", "title": "Une", "mainArtist": "B", "duration": "PT2M", "kind": "AUDIO", "owner": "O"}
                {"isrc": "%1$s1400002", "title": "Deux", "mainArtist": "B", "duration": "PT2M", "kind": "AUDIO", "owner": "O", "colour": "red"}
                not json
                """.formatted(code);

        ResponseEntity<JsonNode> first = importing("application/x-ndjson", ndjson, null);
        JsonNode done = completed(first);
        ResponseEntity<JsonNode> again = importing("application/x-ndjson", ndjson, null);

        assertThat(done.path("registered").asInt()).isEqualTo(1);
        assertThat(done.path("rows").get(1).path("refusal").path("field").asText()).isEqualTo("colour");
        assertThat(done.path("rows").get(2).path("refusal").path("type").asText()).endsWith("/malformed-request");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recording_import WHERE prefix_code = ?", Integer.class, code))
                .isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String csv = "isrc,title,mainArtist,duration,kind,owner\n" + code + "1300001,T,A,PT3M,AUDIO,O\n";

        ResponseEntity<JsonNode> first = importing("text/csv", csv, key);
        ResponseEntity<JsonNode> retry = importing("text/csv", csv, key);

        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(completed(first).path("registered").asInt()).isEqualTo(1);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWhole() {
        assertProblem(importing("text/csv", "isrc,title,colour\nX,Y,Z\n", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "(header)");
        assertProblem(importing("application/json", "[]", null), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type", null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recording_import WHERE prefix_code = ?", Integer.class, code))
                .isZero();
    }

    @Test
    void anImportUnderAnUnregisteredPrefixIsNotFound() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> response = http.postForEntity("/v1/prefixes/DE-ZZ8/recordings/imports",
                new HttpEntity<>("isrc,title\nDEZZ81500001,T\n", headers), JsonNode.class);

        assertProblem(response, HttpStatus.NOT_FOUND, "prefix-not-registered", null);
    }
}
