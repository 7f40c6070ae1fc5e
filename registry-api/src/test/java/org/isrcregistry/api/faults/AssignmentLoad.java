package org.isrcregistry.api.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.isrcregistry.api.AgencyToken;

/**
 * Clients assigning codes over HTTP until stopped, each with a title of its own and an Idempotency-Key per song, as
 * a careful client would: a song that got no answer (its node died, 503) is sent again with the same key until it
 * is acknowledged, so an acknowledged code is what the client would have kept. Several nodes: each client starts on
 * one and moves to the next when its node does not answer, as behind a load balancer.
 */
final class AssignmentLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** ISRC to the title it was acknowledged for. */
    final ConcurrentMap<String, String> acknowledged = new ConcurrentHashMap<>();
    /** HTTP status (or 0: no answer at all) to how many times it came. */
    final ConcurrentMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    /** Answers that are not 201 or 503 with Retry-After as a problem, for the failure message. */
    final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Titles whose request died with its node and whose key stayed in use (docs/reliability.md). */
    final List<String> abandoned = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Requests that got no answer, and why (a node killed, a request timing out). */
    final List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
    final LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);

    private final List<String> nodes;
    private final String prefix;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService clients;
    private volatile boolean running = true;

    AssignmentLoad(List<String> nodes, String prefix, int clients) {
        this.nodes = List.copyOf(nodes);
        this.prefix = prefix;
        this.clients = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            this.clients.submit(() -> run(client));
        }
    }

    private void run(int client) {
        int node = client % nodes.size();
        for (int song = 0; running; song++) {
            String title = "Fault " + prefix + " " + client + "-" + song;
            String key = UUID.randomUUID().toString();
            while (running) {
                long started = System.nanoTime();
                try {
                    HttpResponse<String> answer = http.send(assign(nodes.get(node), title, key),
                            HttpResponse.BodyHandlers.ofString());
                    slowestMillis.accumulate(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    count(answer.statusCode());
                    if (answer.statusCode() == 201) {
                        acknowledged.put(JSON.readTree(answer.body()).path("isrc").asText(), title);
                        break;
                    }
                    if (answer.statusCode() == 409 && answer.body().contains("idempotency-key-in-use")) {
                        // The first request with this key died with its node: whether it committed is unknown
                        // until the key expires, so a careful client checks later; this one goes on.
                        abandoned.add(title);
                        break;
                    }
                    if (answer.statusCode() != 503 || answer.headers().firstValue("Retry-After").isEmpty()
                            || !answer.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
                        unexpected.add(answer.statusCode() + " " + answer.headers().map() + " " + answer.body());
                    }
                    pause(100);
                } catch (IOException noAnswer) {
                    count(0);
                    unanswered.add(noAnswer.toString());
                    node = (node + 1) % nodes.size();
                    pause(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private HttpRequest assign(String node, String title, String key) {
        return HttpRequest.newBuilder(URI.create(node + "/v1/prefixes/" + prefix + "/recordings"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + AgencyToken.SECRET)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "%s", "mainArtist": "Fault Injector", "duration": "PT3M", "kind": "AUDIO",
                         "owner": "Fault Records"}""".formatted(title)))
                .build();
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long count(Integer status) {
        AtomicLong n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    /** Waits until at least {@code codes} more codes were acknowledged than now, or fails after {@code atMost}. */
    void awaitMore(int codes, Duration atMost) throws InterruptedException {
        int target = acknowledged.size() + codes;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (acknowledged.size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + acknowledged.size() + " codes acknowledged, expected " + target
                        + "; answers " + statuses + ", unexpected " + unexpected);
            }
            Thread.sleep(50);
        }
    }

    Map<Integer, AtomicLong> statuses() {
        return statuses;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }
}
