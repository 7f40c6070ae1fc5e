package org.isrcregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Abuse of the public endpoints over real HTTP, each test from loopback addresses of its own: one client using up
 * its allowance gets 429 problems with Retry-After while the others are served, and token guessing is cut short and
 * logged without the token. A registry of its own, with small limits, so the suite's other tests are not limited.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = {
        "registry.api.rate-limit.anonymous.requests=120", "registry.api.rate-limit.anonymous.period=1m",
        "registry.api.rate-limit.failed-authentications.requests=30",
        "registry.api.rate-limit.failed-authentications.period=1m"})
@ExtendWith(OutputCaptureExtension.class)
class ClientRateLimitTest extends WithNewPrefix {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENCY = "Bearer " + AgencyToken.SECRET;

    @LocalServerPort
    int port;

    @Autowired
    RateLimitProperties limits;

    @Test
    void anAnonymousClientBeyondItsAllowanceGets429WithRetryAfterWhileOthersAreServed() throws Exception {
        String isrc = registry.assign(prefix, "Looked up a lot");
        LoopbackClient greedy = LoopbackClient.newClient(port);
        List<LoopbackClient.Response> refusals = new ArrayList<>();
        long started = System.nanoTime();
        // A made-up token exempts nothing: were it to, a quarter more would pass than the allowance and its refill.
        int served = sendUntilRefused(greedy, i -> switch (i % 4) {
            case 0 -> new String[] {"GET", "/v1/recordings/" + isrc, null};
            case 1 -> new String[] {"POST", "/v1/isrc-validations", "{\"codes\": [\"" + isrc + "\"]}"};
            case 2 -> new String[] {"GET", "/v1/recordings/" + isrc, null, "Bearer made-up"};
            default -> new String[] {"POST", "/console/sign-in", "{}"};
        }, refusals);
        double minutes = (System.nanoTime() - started) / 60e9;

        long allowance = limits.anonymous().requests();
        assertThat(served).isBetween((int) allowance,
                (int) (allowance + Math.ceil(allowance * minutes / limits.anonymous().period().toMinutes()) + 16));
        LoopbackClient.Response refused = refusals.get(0);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://isrc-registry.org/problems/too-many-requests");
        assertThat(problem.path("action").asText()).contains("Retry-After");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, limits.anonymous().period().toSeconds());

        assertThat(LoopbackClient.newClient(port).send("GET", "/v1/recordings/" + isrc, null, null).status())
                .as("another client").isEqualTo(200);
        assertThat(greedy.send("GET", "/v1/recordings/" + isrc, AGENCY, null).status())
                .as("the same address with a token").isEqualTo(200);
        Thread.sleep(retryAfter * 1000);
        assertThat(greedy.send("GET", "/v1/recordings/" + isrc, null, null).status()).isEqualTo(200);
    }

    @Test
    void tokenGuessingIsCutShortAndLoggedWithoutTheToken(CapturedOutput output) throws Exception {
        LoopbackClient guesser = LoopbackClient.newClient(port);
        List<LoopbackClient.Response> refusals = new ArrayList<>();
        String guess = "isrc_guess-0123456789abcdefghijklmnopqrstuvwxyz";
        long started = System.nanoTime();
        int refusedAsUnauthorized = sendUntilRefused(guesser,
                i -> new String[] {"GET", "/v1/prefixes/" + prefix, null, "Bearer " + guess + i}, refusals);

        long allowance = limits.failedAuthentications().requests();
        assertThat(refusedAsUnauthorized).isBetween((int) allowance, (int) (allowance + Math.ceil(allowance
                * (System.nanoTime() - started) / (double) limits.failedAuthentications().period().toNanos()) + 16));
        assertThat(refusals.get(0).status()).isEqualTo(429);
        assertThat(refusals.get(0).header("Retry-After")).isNotBlank();
        assertThat(guesser.send("GET", "/v1/prefixes/" + prefix, AGENCY, null).status())
                .as("even the right token, until the client waited").isEqualTo(429);
        assertThat(LoopbackClient.newClient(port).send("GET", "/v1/prefixes/" + prefix, AGENCY, null).status())
                .as("another client").isEqualTo(200);

        assertThat(output.getAll()).contains("Failed authentication from " + guesser.address() + " on GET /v1/prefixes/")
                .doesNotContain(guess);
    }

    /**
     * Sends requests from one client, 8 at a time, until one is refused with 429; the requests a refusal raced with
     * go on. A request is its method, path, JSON body and Authorization header (each but the first two may be
     * absent). Answers how many were not refused; {@code refusals} gets the 429s.
     */
    private static int sendUntilRefused(LoopbackClient client, IntFunction<String[]> request,
                                        List<LoopbackClient.Response> refusals) throws Exception {
        AtomicBoolean refused = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<int[]>> senders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                senders.add(threads.submit(() -> {
                    int passed = 0;
                    for (int i = thread; i < 100_000 && !refused.get(); i += 8) {
                        String[] r = request.apply(i);
                        LoopbackClient.Response response = client.send(r[0], r[1], r.length > 3 ? r[3] : null, r[2]);
                        if (response.status() == 429) {
                            synchronized (refusals) {
                                refusals.add(response);
                            }
                            refused.set(true);
                        } else {
                            passed++;
                        }
                    }
                    return new int[] {passed};
                }));
            }
            int passed = 0;
            for (Future<int[]> sender : senders) {
                passed += sender.get()[0];
            }
            assertThat(refusals).isNotEmpty();
            return passed;
        } finally {
            threads.shutdownNow();
        }
    }
}
