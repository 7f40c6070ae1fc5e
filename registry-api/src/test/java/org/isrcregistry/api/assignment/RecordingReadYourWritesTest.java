package org.isrcregistry.api.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.WithNewPrefix;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.projections.recording.RecordingProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A recording command answers as soon as it has committed, without waiting for the read models, and still keeps its
 * promise: a GET right after the answer shows the change, with the state the answer carried (docs/write-side.md).
 */
@RegistryIntegrationTest
class RecordingReadYourWritesTest extends WithNewPrefix {

    @Autowired
    EventProcessingConfiguration processing;

    private ResponseEntity<JsonNode> assign(String title) {
        return registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", TestRegistry.song(title), null);
    }

    /** The 201's state, and the GET sent right after it: both 200 and exactly the same recording. */
    private void assertFoundRightAfter(ResponseEntity<JsonNode> assigned, String title) {
        assertThat(assigned.getStatusCode()).as(String.valueOf(assigned.getBody())).isEqualTo(HttpStatus.CREATED);
        String isrc = assigned.getBody().path("isrc").asText();
        ResponseEntity<JsonNode> found = http.getForEntity("/v1/recordings/" + isrc, JsonNode.class);
        assertThat(found.getStatusCode()).as(isrc + ": " + found.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).isEqualTo(assigned.getBody().path("recording"));
        assertThat(found.getBody().path("isrc").asText()).isEqualTo(isrc);
        assertThat(found.getBody().path("title").asText()).isEqualTo(title);
    }

    @Test
    void aGetRightAfterEachOfManyConcurrentAssignmentsShowsItsCode() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> sessions = IntStream.range(0, 16).<Callable<String>>mapToObj(client -> () -> {
                StringBuilder codes = new StringBuilder();
                for (int i = 0; i < 10; i++) {
                    String title = "Client " + client + " track " + i;
                    ResponseEntity<JsonNode> assigned = assign(title);
                    assertFoundRightAfter(assigned, title);
                    codes.append(assigned.getBody().path("isrc").asText()).append(' ');
                }
                return codes.toString();
            }).toList();
            List<String> issued = new ArrayList<>();
            for (Future<String> session : clients.invokeAll(sessions)) {
                issued.addAll(List.of(session.get().trim().split(" ")));
            }
            assertThat(issued).hasSize(160).doesNotHaveDuplicates();
            assertThat(issued).allMatch(isrc -> Isrc.parse(isrc).prefixCode().display().equals(prefix));
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void whileTheRecordingsReadModelIsBehindAGetFoldsTheEventStore() {
        StreamingEventProcessor recordings = processing
                .eventProcessor(RecordingProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        recordings.shutDown();
        try {
            ResponseEntity<JsonNode> assigned = assign("Not yet in the read model");
            String isrc = assigned.getBody().path("isrc").asText();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM recording_view WHERE isrc = ?", Integer.class, isrc))
                    .isZero();

            assertFoundRightAfter(assigned, "Not yet in the read model");
            assertThat(http.getForEntity("/v1/recordings/" + isrc + "/lineage", JsonNode.class).getBody()
                    .path("recording").path("isrc").asText()).isEqualTo(isrc);
            // A code never assigned is still not found.
            String next = isrc.substring(0, 7) + "%05d".formatted(Integer.parseInt(isrc.substring(7)) + 1);
            TestRegistry.assertProblem(http.getForEntity("/v1/recordings/" + next, JsonNode.class),
                    HttpStatus.NOT_FOUND, "not-found", "isrc");
        } finally {
            recordings.start();
        }
    }

    @Test
    void whileTheRecordingsReadModelIsBehindEveryRecordingCommandAnswersAtOnceAndAGetShowsIt() throws Exception {
        String isrc = assign("Before the stop").getBody().path("isrc").asText();
        String path = "/v1/recordings/" + isrc;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT title FROM recording_view WHERE isrc = ?", String.class, isrc)).containsExactly("Before the stop"));
        StreamingEventProcessor recordings = processing
                .eventProcessor(RecordingProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        recordings.shutDown();
        JsonNode corrected;
        try {
            JsonNode transferred = registry.send(HttpMethod.POST, path + "/ownership-transfers",
                    "{\"newOwner\": \"Label Deux\", \"effectiveDate\": \"2025-01-01\"}", null).getBody();
            assertThat(transferred.path("recording").path("owner").asText()).isEqualTo("Label Deux");
            assertThat(http.getForObject(path, JsonNode.class)).isEqualTo(transferred.path("recording"));

            corrected = registry.send(HttpMethod.PATCH, path, "{\"reason\": \"typo\", \"title\": \"After the stop\"}",
                    null).getBody().path("recording");
            assertThat(http.getForObject(path, JsonNode.class)).isEqualTo(corrected);
            JsonNode version = registry.send(HttpMethod.POST, path + "/versions",
                    "{\"change\": \"REMIX\", \"recording\": %s}".formatted(TestRegistry.song("After the stop (Remix)")),
                    null).getBody();
            String child = version.path("isrc").asText();
            JsonNode lineage = http.getForObject(path + "/lineage", JsonNode.class);
            assertThat(lineage.path("recording").path("children").get(0).asText()).isEqualTo(child);
            assertThat(lineage.path("children").get(0).path("title").asText()).isEqualTo("After the stop (Remix)");
            corrected = http.getForObject(path, JsonNode.class);

            // The read model has applied none of it: the reads above were folded from the event store.
            assertThat(jdbc.queryForList("SELECT title FROM recording_view WHERE isrc = ?", String.class, isrc))
                    .containsExactly("Before the stop");
        } finally {
            recordings.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT title FROM recording_view WHERE isrc = ?", String.class, isrc)).containsExactly("After the stop"));
        assertThat(http.getForObject(path, JsonNode.class)).isEqualTo(corrected);
    }
}
