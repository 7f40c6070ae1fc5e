package org.isrcregistry.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.ledger.Checkpoint;
import org.isrcregistry.ledger.EventLeaf;
import org.isrcregistry.ledger.LedgerVerifier;
import org.isrcregistry.ledger.MerkleTree;
import org.isrcregistry.ledger.NoteKeys;
import org.isrcregistry.ledger.SignedNote;
import org.isrcregistry.ledger.TlogProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger as an auditor meets it: over HTTP, without a token where the proofs are public, and checked by the
 * standalone verifier in a JVM of its own whose class path holds the verifier alone (no Spring, no database).
 */
@RegistryIntegrationTest
class LedgerHttpTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path files;

    @LocalServerPort
    int port;

    /** Asked without a token, as anybody would. */
    private ResponseEntity<String> publicGet(String path, MediaType accept) {
        TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void anAuditorVerifiesARecordingsEventsAndTheWholeExportWithTheStandaloneVerifier() throws Exception {
        TestRegistry registry = new TestRegistry(http, jdbc);
        String prefix = registry.newPrefix();
        String isrc = registry.assign(prefix, "Ledger Song");
        registry.send(HttpMethod.PATCH, "/v1/recordings/" + isrc, "{\"title\": \"Ledger Song (corrected)\"}", null);

        String vkey = publicGet("/v1/ledger/key", MediaType.TEXT_PLAIN).getBody().strip();
        NoteKeys.Verifier key = NoteKeys.Verifier.parse(vkey);
        int events = registry.eventsOf(isrc);
        JsonNode proofs = await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            ResponseEntity<JsonNode> answer = http.getForEntity("/v1/ledger/recordings/" + isrc + "/proofs",
                    JsonNode.class);
            return answer.getStatusCode() == HttpStatus.OK ? answer.getBody() : null;
        }, body -> body != null && body.path("events").size() == events);

        for (JsonNode event : proofs.path("events")) {
            byte[] leaf = Base64.getDecoder().decode(event.path("leaf").asText());
            assertThat(EventLeaf.decode(leaf).aggregateIdentifier()).isEqualTo(isrc);
            assertThat(MerkleTree.leafHash(leaf)).isEqualTo(Base64.getDecoder().decode(event.path("leafHash").asText()));
            TlogProof proof = TlogProof.parse(event.path("tlogProof").asText());
            assertThat(proof.verify(MerkleTree.leafHash(leaf), key).size()).isEqualTo(proofs.path("treeSize").asLong());
            Path file = files.resolve("event-" + event.path("logIndex").asLong() + ".tlog-proof");
            Files.writeString(file, event.path("tlogProof").asText());
            assertThat(standalone("proof", "--key", vkey, file.toString())).contains("included: log index "
                    + event.path("logIndex").asLong());
        }

        String leafIndex = proofs.path("events").get(0).path("logIndex").asText();
        String tlogProof = publicGet("/v1/ledger/leaves/" + leafIndex + "/proof", MediaType.TEXT_PLAIN).getBody();
        assertThat(tlogProof).startsWith("c2sp.org/tlog-proof@v1\nextra ");

        String checkpoint = publicGet("/v1/ledger/checkpoint", MediaType.TEXT_PLAIN).getBody();
        Checkpoint signed = Checkpoint.verified(checkpoint, key);
        Path checkpointFile = Files.writeString(files.resolve("checkpoint"), checkpoint);
        ResponseEntity<byte[]> export = http.getForEntity("/v1/ledger/export?to=" + signed.size(), byte[].class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        Path exportFile = Files.write(files.resolve("ledger.export"), export.getBody());
        assertThat(standalone("export", "--key", vkey, "--checkpoint", checkpointFile.toString(),
                exportFile.toString())).contains("verified: " + signed.size() + " leaves");
    }

    @Test
    void consecutiveCheckpointsAreConsistentAndTheExportAndVerificationAreAnAuditorsOnly() throws Exception {
        TestRegistry registry = new TestRegistry(http, jdbc);
        registry.newPrefix();
        String first = latestCheckpointAbove(0);
        registry.newPrefix();
        String last = latestCheckpointAbove(sizeOf(first));
        String vkey = publicGet("/v1/ledger/key", MediaType.TEXT_PLAIN).getBody().strip();
        String proof = publicGet("/v1/ledger/consistency?first=" + sizeOf(first) + "&second=" + sizeOf(last),
                MediaType.TEXT_PLAIN).getBody();
        assertThat(standalone("consistency", "--key", vkey,
                Files.writeString(files.resolve("old"), first).toString(),
                Files.writeString(files.resolve("new"), last).toString(),
                Files.writeString(files.resolve("proof"), proof).toString())).startsWith("consistent");

        assertThat(publicGet("/v1/ledger/export", MediaType.TEXT_PLAIN).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(publicGet("/v1/ledger/verification", MediaType.APPLICATION_JSON).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        TestRegistry.assertProblem(http.getForEntity("/v1/ledger/consistency?first=5&second=2", JsonNode.class),
                HttpStatus.BAD_REQUEST, "invalid-field", "first");

        ResponseEntity<JsonNode> verification = http.getForEntity("/v1/ledger/verification", JsonNode.class);
        while (verification.getStatusCode() == HttpStatus.ACCEPTED) {
            Thread.sleep(500);
            verification = http.getForEntity(verification.getHeaders().getLocation().toString(), JsonNode.class);
        }
        assertThat(verification.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verification.getBody().path("state").asText()).isEqualTo("DONE");
        assertThat(verification.getBody().has("firstFault")).as(verification.getBody().toString()).isFalse();
        assertThat(verification.getBody().path("checkpointHolds").asBoolean()).isTrue();
    }

    /** The newest signed checkpoint once it covers more than {@code size} leaves and every event stored so far. */
    private String latestCheckpointAbove(long size) {
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        return await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> publicGet("/v1/ledger/checkpoint", MediaType.TEXT_PLAIN).getBody(),
                        note -> note != null && sizeOf(note) > size && sizeOf(note) >= events);
    }

    private static long sizeOf(String note) {
        return Checkpoint.parse(SignedNote.parse(note).text()).size();
    }

    /** Runs the verifier's main in a JVM of its own, with only the verifier's classes on its class path. */
    static String standalone(String... args) throws Exception {
        Path classes = Path.of(LedgerVerifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), LedgerVerifier.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(classes.toString()).doesNotContain("spring");
        return output;
    }
}
