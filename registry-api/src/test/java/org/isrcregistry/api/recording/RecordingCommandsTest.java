package org.isrcregistry.api.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.WithNewPrefix;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.projections.recording.RecordingQueries;
import org.isrcregistry.projections.recording.RecordingState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every command endpoint over HTTP: its success, its main refusals, and that a refusal stores nothing. */
@RegistryIntegrationTest
class RecordingCommandsTest extends WithNewPrefix {

    @Autowired
    RecordingQueries recordings;

    @Autowired
    ReadYourWrites readYourWrites;

    private ResponseEntity<JsonNode> post(String path, String body) {
        return registry.send(HttpMethod.POST, path, body, null);
    }

    /** The read model's row once the read models have caught up: a command answers without waiting for them. */
    private RecordingState readModel(String isrc) {
        assertThat(TestRegistry.readModelsCaughtUp(readYourWrites)).isTrue();
        return recordings.find(Isrc.parse(isrc)).orElseThrow();
    }

    @Test
    void assigningAnswersWithTheNewCodeItsStateAndLocation_andAGetRightAfterShowsIt() {
        ResponseEntity<JsonNode> response = post("/v1/prefixes/" + prefix + "/recordings", song("Les saisons"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String isrc = response.getBody().path("isrc").asText();
        assertThat(isrc).hasSize(12).startsWith(prefix.replace("-", ""));
        assertThat(response.getHeaders().getLocation()).hasToString("/v1/recordings/" + isrc);
        assertThat(response.getBody().path("display").asText()).isEqualTo(Isrc.parse(isrc).display());
        assertThat(response.getBody().path("recording").path("title").asText()).isEqualTo("Les saisons");
        assertThat(response.getBody().path("recording").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(response.getBody().path("possibleDuplicates").isArray()).isTrue();
        assertThat(http.getForObject("/v1/recordings/" + isrc, JsonNode.class)).isEqualTo(
                response.getBody().path("recording"));
        // The answer does not wait for the read models; they catch up.
        assertThat(readModel(isrc).title()).isEqualTo("Les saisons");
        JsonNode usage = http.getForObject("/v1/prefixes/" + prefix, JsonNode.class).path("usage");
        assertThat(usage.get(0).path("assigned").asInt()).isEqualTo(1);
    }

    @Test
    void aSecondRecordingWithTheSameArtistAndTitleIsAcceptedAndNamesThePossibleDuplicate() {
        String first = registry.assign(prefix, "Doublon " + prefix);

        ResponseEntity<JsonNode> second = post("/v1/prefixes/" + prefix + "/recordings", song("Doublon " + prefix));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody().path("possibleDuplicates").get(0).asText()).isEqualTo(first);
    }

    @Test
    void assigningUnderAnUnregisteredPrefixIsNotFoundAndStoresNothing() {
        ResponseEntity<JsonNode> response = post("/v1/prefixes/DE-ZZ9/recordings", song("Nowhere"));

        assertProblem(response, HttpStatus.NOT_FOUND, "prefix-not-registered", "prefixCode");
        assertThat(registry.eventsOf("DEZZ9")).isZero();
    }

    @Test
    void aMalformedPrefixInThePathNamesThePart() {
        ResponseEntity<JsonNode> response = post("/v1/prefixes/DE-W_1/recordings", song("Bad"));

        assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-code", "prefix");
        assertThat(response.getBody().path("part").asText()).isEqualTo("XXX");
    }

    @Test
    void missingOrMalformedMetadataIsRefusedOnItsFieldAndStoresNothing() {
        assertProblem(post("/v1/prefixes/" + prefix + "/recordings", """
                {"mainArtist": "A", "duration": "PT3M", "kind": "AUDIO", "owner": "O"}"""),
                HttpStatus.BAD_REQUEST, "invalid-field", "title");
        assertProblem(post("/v1/prefixes/" + prefix + "/recordings", """
                {"title": "T", "mainArtist": "A", "duration": "three minutes", "kind": "AUDIO", "owner": "O"}"""),
                HttpStatus.BAD_REQUEST, "invalid-code", "duration");
        assertProblem(post("/v1/prefixes/" + prefix + "/recordings", """
                {"title": "T", "mainArtist": "A", "duration": "PT3M", "kind": "AUDIO", "owner": "O", "isrcCode": "x"}"""),
                HttpStatus.BAD_REQUEST, "malformed-request", "isrcCode");
        assertProblem(post("/v1/prefixes/" + prefix + "/recordings", """
                {"title": "T", "mainArtist": "A", "duration": "PT3M", "kind": "AUDIO", "owner": "O",
                 "audioIsrc": "DE-W00-20-00001"}"""), HttpStatus.UNPROCESSABLE_ENTITY, "rule-refused", "audioIsrc");
        assertThat(registry.eventsOf(prefix)).as("registered and allocated").isEqualTo(2);
    }

    @Test
    void aSuspendedPrefixIssuesNoCodesUntilReinstated() {
        ResponseEntity<JsonNode> suspended = post("/v1/prefixes/" + prefix + "/suspension", "{\"reason\": \"unpaid fees\"}");
        assertThat(suspended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(suspended.getBody().path("status").asText()).isEqualTo("SUSPENDED");

        assertProblem(post("/v1/prefixes/" + prefix + "/recordings", song("Pendant")), HttpStatus.CONFLICT,
                "prefix-suspended", "prefixCode");

        ResponseEntity<JsonNode> reinstated = registry.send(HttpMethod.DELETE, "/v1/prefixes/" + prefix + "/suspension",
                null, null);
        assertThat(reinstated.getBody().path("status").asText()).isEqualTo("ACTIVE");
        registry.assign(prefix, "Après");
    }

    @Test
    void suspendingNeedsAReason() {
        assertProblem(post("/v1/prefixes/" + prefix + "/suspension", "{}"), HttpStatus.BAD_REQUEST, "invalid-field",
                "reason");
    }

    @Test
    void registeringAnExistingCodeIsCreatedOnceThenANoOp_andAnotherRecordingUnderItIsRefused() {
        String isrc = prefix.replace("-", "") + "1900042";

        ResponseEntity<JsonNode> first = registry.send(HttpMethod.PUT, "/v1/recordings/" + isrc.toLowerCase(),
                song("Ancienne"), null);
        ResponseEntity<JsonNode> again = registry.send(HttpMethod.PUT, "/v1/recordings/" + isrc, song("Ancienne"), null);
        ResponseEntity<JsonNode> other = registry.send(HttpMethod.PUT, "/v1/recordings/" + isrc, song("Autre"), null);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().path("isrc").asText()).isEqualTo(isrc);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(other, HttpStatus.CONFLICT, "code-already-registered", "isrc");
        assertThat(registry.eventsOf(isrc)).isEqualTo(1);
    }

    @Test
    void anInvalidIsrcInThePathIsRefusedWithThePartAndPosition() {
        ResponseEntity<JsonNode> response = registry.send(HttpMethod.PUT, "/v1/recordings/DEW001900042X",
                song("Trop long"), null);

        assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-code", "isrc");
        assertThat(response.getBody().path("position").asInt()).isPositive();
    }

    @Test
    void aNewVersionGetsANewCodeLinkedToItsParent() {
        String parent = registry.assign(prefix, "Original");

        ResponseEntity<JsonNode> remix = post("/v1/recordings/" + parent + "/versions", """
                {"change": "REMIX", "recording": %s}""".formatted(song("Original (Club Remix)")));

        assertThat(remix.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String child = remix.getBody().path("isrc").asText();
        assertThat(child).isNotEqualTo(parent);
        assertThat(remix.getBody().path("recording").path("parent").asText()).isEqualTo(parent);
        assertThat(readModel(parent).children()).extracting(Isrc::value).containsExactly(child);
    }

    @Test
    void aNewVersionForAChangeThatKeepsTheCodeIsRefused() {
        String parent = registry.assign(prefix, "Même audio");

        assertProblem(post("/v1/recordings/" + parent + "/versions", """
                {"change": "NEW_RELEASE", "recording": %s}""".formatted(song("Même audio"))),
                HttpStatus.UNPROCESSABLE_ENTITY, "rule-refused", "reason");
        assertProblem(post("/v1/recordings/" + parent + "/versions", """
                {"change": "OTHER", "recording": %s}""".formatted(song("Autre"))),
                HttpStatus.BAD_REQUEST, "invalid-field", "description");
        assertThat(registry.eventsOf(prefix)).isEqualTo(3);
    }

    @Test
    void ownershipAndDistributorChangesKeepTheCodeAndNeverGoBackInTime() {
        String isrc = registry.assign(prefix, "Vendue");

        ResponseEntity<JsonNode> transferred = post("/v1/recordings/" + isrc + "/ownership-transfers",
                "{\"newOwner\": \"Label Deux\", \"effectiveDate\": \"2025-01-01\"}");
        ResponseEntity<JsonNode> backdated = post("/v1/recordings/" + isrc + "/ownership-transfers",
                "{\"newOwner\": \"Label Trois\", \"effectiveDate\": \"2024-01-01\"}");
        ResponseEntity<JsonNode> distributed = post("/v1/recordings/" + isrc + "/distributor-changes",
                "{\"distributor\": \"Distro\", \"effectiveDate\": \"2025-02-01\"}");

        assertThat(transferred.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(transferred.getBody().path("isrc").asText()).isEqualTo(isrc);
        assertThat(transferred.getBody().path("recording").path("owner").asText()).isEqualTo("Label Deux");
        assertProblem(backdated, HttpStatus.UNPROCESSABLE_ENTITY, "rule-refused", "effectiveDate");
        assertThat(distributed.getBody().path("recording").path("distributor").asText()).isEqualTo("Distro");
        assertThat(readModel(isrc).owner()).isEqualTo("Label Deux");
        assertProblem(post("/v1/recordings/" + isrc + "/ownership-transfers", "{\"newOwner\": \"X\"}"),
                HttpStatus.BAD_REQUEST, "invalid-field", "effectiveDate");
    }

    @Test
    void aCorrectionChangesTheGivenFieldsAndRefusesADifferentPlayingTime() {
        String isrc = registry.assign(prefix, "Les saisns");

        ResponseEntity<JsonNode> corrected = registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                "{\"title\": \"Les saisons\", \"reason\": \"typo\"}", null);
        ResponseEntity<JsonNode> longer = registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                "{\"duration\": \"PT4M\", \"reason\": \"extended\"}", null);
        ResponseEntity<JsonNode> noReason = registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                "{\"title\": \"X\"}", null);

        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody().path("recording").path("title").asText()).isEqualTo("Les saisons");
        assertThat(corrected.getBody().path("recording").path("mainArtist").asText()).isEqualTo("Ariane Tremblay");
        assertProblem(longer, HttpStatus.UNPROCESSABLE_ENTITY, "rule-refused", "duration");
        assertProblem(noReason, HttpStatus.BAD_REQUEST, "invalid-field", "reason");
        assertThat(readModel(isrc).title()).isEqualTo("Les saisons");
    }

    @Test
    void simultaneousCorrectionsOfDifferentFieldsBothStay() throws Exception {
        String isrc = registry.assign(prefix, "Les saisns");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String title = "Les saisons " + round;
                String version = "Take " + round;
                CountDownLatch start = new CountDownLatch(1);
                Future<ResponseEntity<JsonNode>> first = threads.submit(() -> {
                    start.await();
                    return registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                            "{\"title\": \"" + title + "\", \"reason\": \"typo\"}", null);
                });
                Future<ResponseEntity<JsonNode>> second = threads.submit(() -> {
                    start.await();
                    return registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc,
                            "{\"versionTitle\": \"" + version + "\", \"reason\": \"label copy\"}", null);
                });
                start.countDown();

                assertThat(first.get().getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(second.get().getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(readModel(isrc).title()).isEqualTo(title);
                assertThat(readModel(isrc).versionTitle()).isEqualTo(version);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void releasesAndWorksAreLinkedOnceAndTheirCodesAreChecked() {
        String isrc = registry.assign(prefix, "Sur album");
        String release = "{\"code\": \"036000291452\", \"title\": \"Album\", \"format\": \"Digital album\"}";

        assertThat(post("/v1/recordings/" + isrc + "/releases", release).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> again = post("/v1/recordings/" + isrc + "/releases", release);
        ResponseEntity<JsonNode> work = post("/v1/recordings/" + isrc + "/works", "{\"iswc\": \"T-034.524.680-1\"}");

        assertThat(again.getBody().path("recording").path("releases")).hasSize(1);
        assertThat(work.getBody().path("recording").path("works").get(0).asText()).isEqualTo("T0345246801");
        assertProblem(post("/v1/recordings/" + isrc + "/releases",
                "{\"code\": \"036000291453\", \"title\": \"A\", \"format\": \"CD\"}"),
                HttpStatus.BAD_REQUEST, "invalid-code", "code");
        assertProblem(post("/v1/recordings/" + isrc + "/works", "{\"iswc\": \"T-034.524.680-2\"}"),
                HttpStatus.BAD_REQUEST, "invalid-code", "iswc");
        assertThat(registry.eventsOf(isrc)).isEqualTo(3);
    }

    @Test
    void aWithdrawnCodeRefusesEveryChange() {
        String kept = registry.assign(prefix, "Gardée");
        String duplicate = registry.assign(prefix, "Gardée bis");

        assertProblem(post("/v1/recordings/" + duplicate + "/withdrawal", "{\"reason\": \"DUPLICATE\"}"),
                HttpStatus.BAD_REQUEST, "invalid-field", "duplicateOf");
        ResponseEntity<JsonNode> withdrawn = post("/v1/recordings/" + duplicate + "/withdrawal",
                "{\"reason\": \"DUPLICATE\", \"duplicateOf\": \"" + kept + "\"}");

        assertThat(withdrawn.getBody().path("recording").path("status").asText()).isEqualTo("WITHDRAWN");
        assertProblem(post("/v1/recordings/" + duplicate + "/works", "{\"iswc\": \"T-034.524.680-1\"}"),
                HttpStatus.CONFLICT, "withdrawn", "isrc");
    }

    @Test
    void aCommandOnAnUnregisteredCodeIsNotFound() {
        String unknown = prefix.replace("-", "") + "0099999";

        assertProblem(post("/v1/recordings/" + unknown + "/ownership-transfers",
                "{\"newOwner\": \"X\", \"effectiveDate\": \"2025-01-01\"}"), HttpStatus.NOT_FOUND, "not-found", "isrc");
        assertProblem(registry.send(HttpMethod.PATCH, "/v1/recordings/" + unknown, "{\"reason\": \"r\"}", null),
                HttpStatus.NOT_FOUND, "not-found", "isrc");
        assertThat(registry.eventsOf(unknown)).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String huge = "{\"reason\": \"" + "x".repeat(1_100_000) + "\"}";

        assertProblem(post("/v1/prefixes/" + prefix + "/suspension", huge), HttpStatus.PAYLOAD_TOO_LARGE,
                "payload-too-large", null);
    }
}
