package org.isrcregistry.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.projections.feed.KafkaFeedMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The feed's speed, on demand ({@code -Dfeed.benchmark=true}, {@code -Dfeed.benchmark.codes=24000}): publication lag
 * (an event's commit to the broker's acknowledgement) while codes are assigned at full speed from four clients, then
 * the throughput of a replay of the whole store to a new topic. Prints the figures. Without the tests' schema check on
 * every message, which would be measured too.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = "registry.kafka.producer[interceptor.classes]=")
@EnabledIfSystemProperty(named = "feed.benchmark", matches = "true")
class FeedBenchmark {

    private static final int CLIENTS = 4;

    @Autowired
    CommandGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaFeedMetrics feed;

    @Autowired
    TestRestTemplate http;

    @Test
    void publicationLagWhileAssigningAtFullSpeedAndReplayThroughput() throws Exception {
        int codes = Integer.getInteger("feed.benchmark.codes", 24_000);
        FeedFixtures fixtures = new FeedFixtures(gateway, jdbc);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int client = 0; client < CLIENTS; client++) {
            PrefixCode prefix = fixtures.newPrefix();
            done.add(clients.submit(() -> {
                for (int i = 0; i < codes / CLIENTS; i++) {
                    fixtures.assign(prefix, "Benchmark " + prefix.value() + " " + i);
                }
            }));
        }
        var sampler = Executors.newSingleThreadScheduledExecutor();
        List<Long> backlogs = new java.util.concurrent.CopyOnWriteArrayList<>();
        sampler.scheduleAtFixedRate(() -> backlogs.add(feed.backlog()), 1, 1, TimeUnit.SECONDS);
        for (Future<?> client : done) {
            client.get();
        }
        sampler.shutdownNow();
        double assignSeconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        await().atMost(Duration.ofMinutes(5)).until(() -> feed.backlog() == 0);
        double drainedSeconds = (System.nanoTime() - start) / 1e9;
        Timer lag = meters.get("registry.feed.publication.lag").timer();
        var snapshot = lag.takeSnapshot();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.postForEntity("/v1/admin/feed/replay", new HttpEntity<>(
                "{\"topic\": \"bench-" + UUID.randomUUID() + "\"}", headers), JsonNode.class);
        JsonNode replay = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(
                () -> http.getForObject("/v1/admin/feed/replay", JsonNode.class),
                status -> !"RUNNING".equals(status.path("state").asText()));

        System.out.printf("%nFEED BENCHMARK: %d codes (%d events) assigned by %d clients in %.1f s (%.0f codes/s); "
                        + "feed drained %.1f s after the start%n", codes, 2 * codes, CLIENTS, assignSeconds,
                codes / assignSeconds, drainedSeconds);
        System.out.printf("FEED BENCHMARK: publication lag over %d events: mean %.1f ms, max %.1f ms, %s%n",
                snapshot.count(), snapshot.mean(TimeUnit.MILLISECONDS), snapshot.max(TimeUnit.MILLISECONDS),
                percentiles(snapshot.percentileValues()));
        System.out.printf("FEED BENCHMARK: backlog each second while assigning: %s%n", backlogs);
        System.out.printf("FEED BENCHMARK: replay %s%n%n", replay);
        assertThat(replay.path("state").asText()).isEqualTo("DONE");
    }

    private static String percentiles(ValueAtPercentile[] values) {
        StringBuilder text = new StringBuilder();
        for (ValueAtPercentile value : values) {
            text.append("p").append(Math.round(value.percentile() * 100)).append(' ')
                    .append(String.format("%.1f ms ", value.value(TimeUnit.MILLISECONDS)));
        }
        return text.toString().strip();
    }
}
