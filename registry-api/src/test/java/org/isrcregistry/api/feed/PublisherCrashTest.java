package org.isrcregistry.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.KafkaTestConsumer.header;
import static org.isrcregistry.api.feed.FeedFixtures.firstArrivals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.KafkaTestConsumer;
import org.isrcregistry.api.RegistryApplication;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The registry runs as a child process on a database of its own (in the tests' PostgreSQL) and the tests' broker,
 * takes prefix registrations from four clients, and is killed with SIGKILL while its feed is behind: no shutdown hook,
 * no graceful stop. Started again on the same database, it publishes everything; a republished event is the same.
 */
@RegistryIntegrationTest
class PublisherCrashTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPublisherKilledMidStreamLosesNothingWhenItRestarts() throws Exception {
        String name = "crash" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.execute("CREATE DATABASE " + name);
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
        int port = freePort();
        List<String> args = List.of("--server.port=" + port, "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--registry.kafka.bootstrap-servers=" + String.join(",", kafka.getProducerBootstrapServers()),
                "--registry.kafka.topic-prefix=" + name,
                // Acknowledgements come slowly, so the kill finds sent but unacknowledged batches.
                "--registry.kafka.producer[linger.ms]=300",
                "--axon.eventhandling.processors.kafka-feed.batch-size=25",
                "--registry.agency.country-codes=CA,FR,GB,DE",
                "--" + AgencyToken.PROPERTY);
        JdbcTemplate crashDb = new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true));

        Process registry = start(args, name + "-1");
        AtomicInteger registered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (String country : List.of("CA", "FR", "GB", "DE")) {
            clients.execute(() -> {
                while (registry.isAlive() && registerPrefix(port, country)) {
                    registered.incrementAndGet();
                }
            });
        }
        while (registered.get() < 200) {
            Thread.sleep(10);
        }
        registry.destroyForcibly().waitFor();
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        long head = crashDb.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        assertThat(feedPosition(crashDb)).as("killed while the feed was behind").isLessThan(head);

        Process restarted = start(args, name + "-2");
        try {
            List<String> stored = publicEvents(crashDb, "");
            List<ConsumerRecord<String, byte[]>> records;
            try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafka, name + ".events")) {
                records = consumer.pollUntil(seen -> seen.stream().map(r -> header(r, "ce_id"))
                        .collect(java.util.stream.Collectors.toSet()).containsAll(stored), Duration.ofSeconds(90));
            }
            assertThat(stored).hasSizeGreaterThanOrEqualTo(200);
            Map<String, byte[]> byId = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                byte[] earlier = byId.putIfAbsent(header(record, "ce_id"), record.value());
                assertThat(earlier == null || Arrays.equals(earlier, record.value()))
                        .as("a republished event is the same event").isTrue();
                FeedSchemas.check(record.topic(), record.key(), header(record, "ce_type"), record.value());
            }
            for (String key : new HashSet<>(records.stream().map(ConsumerRecord::key).toList())) {
                assertThat(firstArrivals(records, key)).isEqualTo(publicEvents(crashDb, key));
            }
            assertThat(FeedSchemas.VIOLATIONS).isEmpty();
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The ids of the stored events of the events topic, of one stream ({@code key}) or all (""), in order. */
    private static List<String> publicEvents(JdbcTemplate db, String key) {
        return db.query("SELECT eventidentifier, payloadtype FROM domainevententry"
                        + " WHERE ? = '' OR aggregateidentifier = ? ORDER BY globalindex",
                (rs, n) -> FeedFixtures.isPublic(rs.getString(2)) ? rs.getString(1) : null, key, key).stream()
                .filter(java.util.Objects::nonNull).toList();
    }

    private static Process start(List<String> args, String log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RegistryApplication.class.getName()));
        command.addAll(args);
        File logFile = new File("target", log + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile).start();
        int port = Integer.parseInt(args.get(0).substring("--server.port=".length()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The registry did not start; see " + logFile);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("The registry was not ready within 120 s; see " + logFile);
    }

    /** One client per country: two clients racing for a country's next free registrant code is not this test. */
    private static boolean registerPrefix(int port, String country) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/v1/prefixes"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + AgencyToken.SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"countryCode\": \"" + country + "\", \"registrant\": {\"name\": \"Crash Test\"}}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 201;
        } catch (IOException | InterruptedException killed) {
            return false;
        }
    }

    private static long feedPosition(JdbcTemplate db) throws IOException {
        byte[] token = db.queryForObject("SELECT token FROM tokenentry WHERE processorname = 'kafka-feed'",
                byte[].class);
        return new ObjectMapper().readTree(token).path("index").asLong(-1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
