package org.isrcregistry.api.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.BatchOfOne;
import org.isrcregistry.api.RegistryApplication;
import org.isrcregistry.api.TestRegistrants;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.api.embedded.EmbeddedKafkaBroker;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two registry nodes on one PostgreSQL, as in a deployment with several application instances: concurrent
 * assignments through both never issue a code twice, the same audio never gets two codes, and a token issued or
 * revoked on one node is so on the other at once.
 */
class MultiNodeAssignmentTest {

    /** The broker's log directory, removed by JUnit after the class. */
    @TempDir
    static Path kafkaLogs;
    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaBroker broker;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        broker = new EmbeddedKafkaBroker(kafkaLogs, true, 0, 0).start();
        nodeA = node();
        nodeB = node();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--registry.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--" + AgencyToken.PROPERTY);
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        broker.close();
        postgres.close();
    }

    private static RecordingDetails recording(String title, AudioFingerprint fingerprint) {
        return new RecordingDetails(new RecordingMetadata(title, null, "Multi Node", List.of(),
                RecordingDuration.ofMillis(180_000), RecordingKind.AUDIO, LocalDate.of(2026, 1, 1)),
                "Multi Node Records", null, fingerprint, null);
    }

    private static <T> List<Future<T>> runConcurrently(int tasks, java.util.function.IntFunction<Callable<T>> task)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            return pool.invokeAll(IntStream.range(0, tasks).mapToObj(task).toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentAssignmentsThroughTwoNodesNeverIssueACodeTwice() throws Exception {
        PrefixCode prefix = PrefixCode.parse("CA-M2N");
        nodeA.getBean(RegistryCommands.class).send(RegisterPrefix.withCode(prefix, TestRegistrants.register(
                nodeA.getBean(RegistryCommands.class), "Multi Node", prefix.countryCode())));

        List<Future<IsrcRegistration>> results = runConcurrently(200, i -> () ->
                BatchOfOne.registration((i % 2 == 0 ? nodeA : nodeB).getBean(RegistryCommands.class)
                        .send(BatchOfOne.assign(prefix, recording("Track " + i, null)))));

        List<Isrc> issued = new ArrayList<>();
        for (Future<IsrcRegistration> result : results) {
            issued.add(result.get().isrc());
        }
        assertThat(Set.copyOf(issued)).hasSize(200);
        assertThat(issued).allMatch(isrc -> isrc.prefixCode().equals(prefix));
        assertThat(issued.stream().map(Isrc::designation).collect(Collectors.toSet()))
                .isEqualTo(IntStream.range(0, 200).boxed().collect(Collectors.toSet()));
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("""
                SELECT count(DISTINCT aggregateidentifier) FROM domainevententry
                WHERE aggregateidentifier LIKE 'CAM2N%' AND sequencenumber = 0 AND aggregateidentifier <> 'CAM2N'""",
                Integer.class)).isEqualTo(200);
    }

    @Test
    void theSameAudioAssignedConcurrentlyThroughTwoNodesGetsOneCode() throws Exception {
        PrefixCode prefix = PrefixCode.parse("CA-F1P");
        nodeB.getBean(RegistryCommands.class).send(RegisterPrefix.withCode(prefix, TestRegistrants.register(
                nodeB.getBean(RegistryCommands.class), "Fingerprints", prefix.countryCode())));
        AudioFingerprint audio = AudioFingerprint.of("ab".repeat(32));

        List<Future<IsrcRegistration>> results = runConcurrently(16, i -> () ->
                BatchOfOne.registration((i % 2 == 0 ? nodeA : nodeB).getBean(RegistryCommands.class)
                        .send(BatchOfOne.assign(prefix, recording("Same Audio " + i, audio)))));

        int issued = 0;
        for (Future<IsrcRegistration> result : results) {
            try {
                result.get();
                issued++;
            } catch (java.util.concurrent.ExecutionException refused) {
                assertThat(refused.getCause()).isInstanceOf(RegistryRuleException.class);
                assertThat(((RegistryRuleException) refused.getCause()).kind())
                        .isEqualTo(RegistryRuleException.Kind.DUPLICATE_AUDIO);
            }
        }
        assertThat(issued).isEqualTo(1);
        assertThat(nodeA.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM lookup_fingerprint WHERE fingerprint = ?", Integer.class, audio.sha256()))
                .isEqualTo(1);
    }

    @Test
    void aTokenIssuedOnOneNodeWorksOnTheOtherUntilRevokedThere() throws Exception {
        nodeA.getBean(RegistryCommands.class).send(RegisterPrefix.withCode(PrefixCode.parse("CA-T0K"),
                TestRegistrants.register(nodeA.getBean(RegistryCommands.class), "Tokens", CountryCode.parse("CA"))));
        HttpResponse<String> issued = call(nodeA, "POST", "/v1/admin/tokens", AgencyToken.SECRET,
                "{\"name\": \"Two nodes\", \"role\": \"REGISTRANT\", \"prefixes\": [\"CA-T0K\"]}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode token = new ObjectMapper().readTree(issued.body());
        String secret = token.path("token").asText();
        String song = """
                {"title": "Token", "mainArtist": "Multi Node", "duration": "PT3M", "kind": "AUDIO", "owner": "Tokens"}""";

        assertThat(call(nodeB, "POST", "/v1/prefixes/CA-T0K/recordings", secret, song).statusCode()).isEqualTo(201);
        // Node A keeps the token in memory from here on; the revocation through node B must still hold there at once.
        assertThat(call(nodeA, "POST", "/v1/prefixes/CA-T0K/recordings", secret, song).statusCode()).isEqualTo(201);
        assertThat(call(nodeB, "DELETE", "/v1/admin/tokens/" + token.path("id").asText(), AgencyToken.SECRET, null)
                .statusCode()).isEqualTo(200);
        assertThat(call(nodeA, "POST", "/v1/prefixes/CA-T0K/recordings", secret, song).statusCode()).isEqualTo(401);
    }

    /**
     * Read-your-writes on a node that does not run the prefix read model's processor (in a deployment, the other node
     * holds its one segment): the command waits for the position the other node's processor stored, not for a
     * processor of its own, which would never come.
     */
    @Test
    void aPrefixCommandOnANodeWithoutThePrefixProcessorAnswersWithTheChange() throws Exception {
        StreamingEventProcessor onB = nodeB.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PrefixProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        onB.shutDown();
        try {
            nodeA.getBean(RegistryCommands.class).send(RegisterPrefix.withCode(PrefixCode.parse("CA-R4W"),
                    TestRegistrants.register(nodeA.getBean(RegistryCommands.class), "Two nodes",
                            CountryCode.parse("CA"))));
            HttpResponse<String> suspended = call(nodeB, "POST", "/v1/prefixes/CA-R4W/suspension",
                    AgencyToken.SECRET, "{\"reason\": \"unpaid fees\"}");
            assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(suspended.body()).path("status").asText()).isEqualTo("SUSPENDED");
            assertThat(new ObjectMapper().readTree(call(nodeB, "GET", "/v1/prefixes/CA-R4W", AgencyToken.SECRET,
                    null).body()).path("status").asText()).isEqualTo("SUSPENDED");
            assertThat(nodeB.getBean(ReadYourWrites.class).awaitProjections(PrefixProjection.PROCESSING_GROUP))
                    .as("node A's stored position counts on node B").isTrue();
        } finally {
            onB.start();
        }
    }

    private static HttpResponse<String> call(ConfigurableApplicationContext node, String method, String path,
                                             String token, String json) throws Exception {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
