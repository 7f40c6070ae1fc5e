package org.isrcregistry.api.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.core.identifier.Isrc;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Concurrent assignments on one prefix are decided together in batches (one transaction each): every request still
 * gets its own code or its own refusal, its events carry its own correlation id, and its answer shows its own state.
 */
@RegistryIntegrationTest
class ConcurrentAssignmentTest extends WithNewPrefix {

    private static final String KNOWN_AUDIO = "0a".repeat(32);
    private static final String NEW_AUDIO = "0b".repeat(32);

    private static String recording(String title, String fingerprint) {
        return """
                {"title": "%s", "mainArtist": "Concurrent", "duration": "PT3M", "kind": "AUDIO", "owner": "Label"%s}"""
                .formatted(title, fingerprint == null ? "" : ", \"fingerprint\": \"" + fingerprint + "\"");
    }

    /** Sends every body at once (as far as threads allow), each with the correlation id {@code request-<i>}. */
    private List<ResponseEntity<JsonNode>> assignConcurrently(List<String> bodies) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ResponseEntity<JsonNode>>> sent = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                headers.set(RegistryCommands.CORRELATION_HEADER, "request-" + i);
                HttpEntity<String> request = new HttpEntity<>(bodies.get(i), headers);
                sent.add(clients.submit(() -> {
                    start.await();
                    return http.exchange("/v1/prefixes/" + prefix + "/recordings", HttpMethod.POST, request,
                            JsonNode.class);
                }));
            }
            start.countDown();
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdown();
        }
    }

    private String metaData(String aggregate, int sequence, String key) {
        return jdbc.queryForObject("""
                SELECT convert_from(metadata, 'UTF8')::jsonb ->> ? FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = ?""", String.class, key, aggregate, sequence);
    }

    @Test
    void everyRequestGetsItsOwnCodeOrItsOwnRefusal() throws Exception {
        String known = registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                recording("Known audio", KNOWN_AUDIO), null).getBody().path("isrc").asText();
        List<String> bodies = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> bodies.add(recording("Track " + i, null)));
        bodies.add(recording("New audio", NEW_AUDIO));
        bodies.add(recording("New audio again", NEW_AUDIO));
        bodies.add(recording("Known audio again", KNOWN_AUDIO));
        bodies.add(recording("Known audio once more", KNOWN_AUDIO));

        List<ResponseEntity<JsonNode>> answers = assignConcurrently(bodies);

        List<String> issued = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ResponseEntity<JsonNode> answer = answers.get(i);
            if (i < 20) {
                assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
                String isrc = answer.getBody().path("isrc").asText();
                assertThat(answer.getBody().path("recording").path("title").asText()).isEqualTo("Track " + i);
                assertThat(metaData(isrc, 0, "correlationId")).isEqualTo("request-" + i);
                issued.add(isrc);
            } else if (i >= 22) {
                assertProblem(answer, HttpStatus.CONFLICT, "duplicate-audio", "fingerprint");
                assertThat(answer.getBody().path("detail").asText()).contains(Isrc.parse(known).display());
            }
        }
        List<ResponseEntity<JsonNode>> newAudio = answers.subList(20, 22);
        assertThat(newAudio).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        newAudio.stream().filter(a -> a.getStatusCode() == HttpStatus.CREATED)
                .forEach(a -> issued.add(a.getBody().path("isrc").asText()));

        // Distinct, and consecutive after the first: a refused request takes no designation.
        assertThat(issued.stream().map(isrc -> Isrc.parse(isrc).designation()).collect(Collectors.toSet()))
                .isEqualTo(IntStream.rangeClosed(1, 21).boxed().collect(Collectors.toSet()));
        assertThat(http.getForEntity("/v1/recordings/" + issued.get(0), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // Decided in fewer commands (units of work) than requests.
        String prefixStream = prefix.replace("-", "");
        Set<String> commands = IntStream.rangeClosed(2, 22).mapToObj(n -> metaData(prefixStream, n, "causationId"))
                .collect(Collectors.toSet());
        assertThat(commands).hasSizeLessThan(21);
    }

    @Test
    void aSuspendedPrefixRefusesEveryWaitingRequest() throws Exception {
        registry.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/suspension", "{\"reason\": \"unpaid fees\"}", null);
        int before = registry.eventsOf(prefix);

        List<ResponseEntity<JsonNode>> answers = assignConcurrently(
                IntStream.range(0, 6).mapToObj(i -> recording("Suspended " + i, null)).toList());

        answers.forEach(answer -> assertProblem(answer, HttpStatus.CONFLICT, "prefix-suspended", "prefixCode"));
        assertThat(registry.eventsOf(prefix)).isEqualTo(before);
    }
}
