package org.isrcregistry.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.RegistryApplication;
import org.isrcregistry.api.embedded.EmbeddedKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 3 (docs/reliability.md): PostgreSQL stops while 8 clients assign codes and starts again on the same data
 * directory and port. While it is down every request fails fast with a 503 problem and Retry-After (never a 500, never
 * a request hanging), health says so, and the registry recovers on its own: nothing acknowledged is lost, nothing is
 * issued twice, the read models catch up.
 */
class PostgresRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The pool's connection-timeout (application.yml), and room for a machine under heavy load. */
    private static final long FAIL_FAST_MILLIS = 2_000 + 8_000;

    /** PostgreSQL's and the broker's directories, removed by JUnit after the class. */
    @TempDir
    static Path work;
    private static Path data;
    private static int port;
    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaBroker broker;
    private static ConfigurableApplicationContext registry;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        data = work.resolve("postgres");
        postgres = postgres(0);
        port = postgres.getPort();
        broker = new EmbeddedKafkaBroker(work.resolve("kafka"), true, 0, 0).start();
        registry = new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--registry.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--" + AgencyToken.PROPERTY);
        url = "http://localhost:" + ((WebServerApplicationContext) registry).getWebServer().getPort();
    }

    private static EmbeddedPostgres postgres(int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        return (port > 0 ? builder.setPort(port) : builder).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (registry != null) {
                registry.close();
            }
        } finally {
            broker.close();
            postgres.close();
        }
    }

    @Test
    void whilePostgresRestartsRequestsFailFastWith503AndTheRegistryRecoversOnItsOwn() throws Exception {
        String prefix = "CA-P9R";
        assertThat(call("POST", "/v1/prefixes", "{\"prefix\": \"" + prefix + "\", \"registrant\": {\"name\": \"Restarts\"}}")
                .statusCode()).isEqualTo(201);
        AssignmentLoad load = new AssignmentLoad(List.of(url), prefix, 8);
        try {
            load.awaitMore(100, Duration.ofSeconds(60));
            postgres.close();
            long downSince = System.nanoTime();
            HttpResponse<String> health = probe("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(health.body()).path("components").path("db").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(probe("/actuator/health/readiness").statusCode()).isEqualTo(503);
            HttpResponse<String> lookUp = call("GET", "/v1/recordings/" + load.acknowledged.keySet().iterator().next(),
                    null);
            assertThat(lookUp.statusCode()).isEqualTo(503);
            assertThat(lookUp.headers().firstValue("Retry-After")).isPresent();
            JsonNode problem = JSON.readTree(lookUp.body());
            assertThat(problem.path("type").asText()).isEqualTo("https://isrc-registry.org/problems/service-unavailable");
            while (System.nanoTime() - downSince < Duration.ofSeconds(6).toNanos()) {
                Thread.sleep(100);
            }
            int acknowledgedWhileDown = load.acknowledged.size();
            assertThat(load.count(503)).as("refusals while PostgreSQL was down").isPositive();

            postgres = postgres(port);
            load.awaitMore(100, Duration.ofSeconds(60));
            assertThat(load.acknowledged.size()).isGreaterThan(acknowledgedWhileDown);
        } finally {
            load.close();
        }
        assertThat(load.unexpected).as("answers other than 201 and 503 problems with Retry-After").isEmpty();
        assertThat(load.unanswered).as("requests without an answer").isEmpty();
        assertThat(load.slowestMillis.get()).as("the slowest request, ms").isLessThan(FAIL_FAST_MILLIS);
        await().atMost(Duration.ofSeconds(30)).until(() -> probe("/actuator/health").statusCode() == 200);

        RegistryChecks checks = new RegistryChecks(registry.getBean(JdbcTemplate.class));
        int stored = checks.assertNothingLostOrDuplicated(prefix, load.acknowledged);
        checks.assertReadModelsConverge(prefix, Duration.ofSeconds(90));
        System.out.printf("FAULT-FIGURES scenario=postgres-restart faults=1 acknowledged=%d stored=%d 503s=%d"
                        + " slowest-ms=%d lost=0 duplicated=0%n", load.acknowledged.size(), stored, load.count(503),
                load.slowestMillis.get());
    }

    /** As a monitor asks: without a token, which could not be checked while the database is down. */
    private static HttpResponse<String> probe(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + AgencyToken.SECRET).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
