package org.isrcregistry.api.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.isrcregistry.api.BatchOfOne;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A registrant's full list: JSON pages, and CSV streamed from a database cursor. */
@RegistryIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrefixRecordingListTest {

    private static final int N = 40;

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway gateway;

    @Autowired
    ReadYourWrites readYourWrites;

    PrefixCode prefix;
    List<Isrc> assigned = new ArrayList<>();

    @BeforeAll
    void assignRecordings() {
        Recordings recordings = new Recordings(gateway, readYourWrites);
        prefix = recordings.prefix("JP-L1S");
        assigned.add(recordings.assign(prefix, "Quoted \"title\", with comma", "Artist, The"));
        for (int i = 1; i < N; i++) {
            IsrcRegistration registration = BatchOfOne.registration(recordings.sendOnly(
                    BatchOfOne.assign(prefix, Recordings.details("Listed Song " + i, "Lister", "Owner A")), "list-" + i));
            assigned.add(registration.isrc());
        }
        recordings.awaitReadModels();
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerRecordingInIsrcOrder() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> response = http.exchange("/v1/prefixes/jp-l1s/recordings", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("JPL1S-recordings.csv");
        List<String> lines = response.getBody().lines().toList();
        assertThat(lines).hasSize(N + 1);
        assertThat(lines.get(0)).startsWith("isrc,display,title,version_title,main_artist,duration,kind");
        assertThat(lines.subList(1, N + 1).stream().map(l -> l.substring(0, 12)).toList())
                .containsExactlyElementsOf(assigned.stream().map(Isrc::value).sorted().toList());
        Isrc quoted = assigned.get(0);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(quoted.value() + "," + quoted.display()
                + ",\"Quoted \"\"title\"\", with comma\",,\"Artist, The\",PT"));
    }

    @Test
    void theJsonListComesInPagesThatTogetherHoldEveryRecording() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.getForObject("/v1/prefixes/JP-L1S/recordings?limit=15"
                    + (cursor == null ? "" : "&cursor=" + cursor), JsonNode.class);
            assertThat(page.path("items").size()).isLessThanOrEqualTo(15);
            seen.addAll(page.path("items").findValuesAsText("isrc"));
            cursor = page.path("next").isMissingNode() ? null : page.path("next").asText();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(assigned.stream().map(Isrc::value).sorted().toList());
    }

    @Test
    void anUnregisteredPrefixHasNoList() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v1/prefixes/JP-L0X/recordings", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("type").asText())
                .isEqualTo("https://isrc-registry.org/problems/prefix-not-registered");
    }
}
