package org.isrcregistry.api.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
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
import org.isrcregistry.api.RegistryApplication;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.embedded.EmbeddedKafkaBroker;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.prefix.AssignIsrc;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.prefix.Registrant;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two registry nodes on one PostgreSQL, as in a deployment with several application instances: concurrent
 * assignments through both never issue a code twice, and the same audio never gets two codes.
 */
class MultiNodeAssignmentTest {

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaBroker broker;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        broker = new EmbeddedKafkaBroker(Files.createTempDirectory("multi-node-kafka"), true, 0, 0).start();
        nodeA = node();
        nodeB = node();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--registry.kafka.bootstrap-servers=" + broker.bootstrapServers());
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
        nodeA.getBean(RegistryCommands.class).send(RegisterPrefix.withCode(prefix, Registrant.named("Multi Node")));

        List<Future<IsrcRegistration>> results = runConcurrently(200, i -> () ->
                (i % 2 == 0 ? nodeA : nodeB).getBean(RegistryCommands.class)
                        .send(new AssignIsrc(prefix, recording("Track " + i, null))));

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
        nodeB.getBean(RegistryCommands.class).send(RegisterPrefix.withCode(prefix, Registrant.named("Fingerprints")));
        AudioFingerprint audio = AudioFingerprint.of("ab".repeat(32));

        List<Future<IsrcRegistration>> results = runConcurrently(16, i -> () ->
                (i % 2 == 0 ? nodeA : nodeB).getBean(RegistryCommands.class)
                        .send(new AssignIsrc(prefix, recording("Same Audio " + i, audio))));

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
}
