package org.isrcregistry.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isrcregistry.api.TestRegistry.assertProblem;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;

/** PostgreSQL's text cannot hold U+0000: a request carrying one is refused naming the field, and nothing changes. */
@RegistryIntegrationTest
class NulCharacterTest extends WithNewPrefix {

    /** As a JSON escape. */
    private static final String NUL = "\\u0000";

    @Test
    void aJsonFieldWithANulIsRefusedNamingItAndNothingIsStored() {
        String isrc = registry.assign(prefix, "Clean");
        int prefixEvents = registry.eventsOf(prefix);
        int recordingEvents = registry.eventsOf(isrc);

        assertProblem(registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Dirty" + NUL), null), HttpStatus.BAD_REQUEST, "invalid-field", "title");
        assertProblem(registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                "{\"mainArtist\": \"A" + NUL + "\", \"reason\": \"typo\"}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "mainArtist");
        assertProblem(registry.send(HttpMethod.POST, "/v1/prefixes",
                "{\"prefix\": \"DE-VZZ\", \"registrant\": {\"name\": \"Label" + NUL + "\"}}", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "registrant.name");

        assertThat(registry.eventsOf(prefix)).isEqualTo(prefixEvents);
        assertThat(registry.eventsOf(isrc)).isEqualTo(recordingEvents);
        assertThat(registry.eventsOf("DE-VZZ")).isZero();
    }

    @Test
    void aSearchParameterWithANulIsRefusedNamingIt() {
        // As sent, not encoded again by the template.
        URI search = URI.create(http.getRootUri() + "/v1/recordings?artist=Ari%00ane");
        assertProblem(http.exchange(RequestEntity.get(search).build(), JsonNode.class),
                HttpStatus.BAD_REQUEST, "invalid-field", "artist");
    }

    @Test
    void aNullContributorIsRefusedNamingItsPosition() {
        String body = song("Contributors").replace("}", ", \"contributors\": [null]}");
        assertProblem(registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", body, null),
                HttpStatus.BAD_REQUEST, "invalid-field", "contributors[0]");
    }

    @Test
    void anImportRowWithANulIsRefusedAndTheOthersRegistered() {
        String code = prefix.replace("-", "");
        String csv = "isrc,title,mainArtist,duration,kind,owner\n"
                + code + "1900001,Clean,Ariane,PT3M,AUDIO,Nordet\n"
                + code + "1900002,Di\u0000rty,Ariane,PT3M,AUDIO,Nordet\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        String location = http.postForEntity("/v1/prefixes/" + prefix + "/recordings/imports",
                new HttpEntity<>(csv, headers), JsonNode.class).getHeaders().getLocation().toString();

        JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.getForObject(location, JsonNode.class),
                        view -> "COMPLETED".equals(view.path("status").asText()));

        assertThat(done.path("registered").asInt()).isEqualTo(1);
        assertThat(done.path("rows").get(1).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(done.path("rows").get(1).path("refusal").path("field").asText()).isEqualTo("title");
    }
}
