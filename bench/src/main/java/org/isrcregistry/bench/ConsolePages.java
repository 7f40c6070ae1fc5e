package org.isrcregistry.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console's pages as a signed-in person gets them (a session from {@code /console/sign-in}, as a browser
 * keeps it): a recording's page and a search by title within a prefix, over the catalogue, by closed-loop clients.
 * The baseline, measured in the same run by the same loop, is the API's {@code GET /v1/recordings/{isrc}} of the same
 * codes. Every page must be 200 and show the code asked for.
 */
final class ConsolePages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;

    /** Signs in once with the token; the session cookie is shared by every client of the run. */
    ConsolePages(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        String page = get("/console/sign-in").body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /console/sign-in: " + page);
        }
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(baseUrl + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + encode(token) + "&_csrf=" + encode(csrf.group(1))))
                .build());
        if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/console")) {
            throw new IllegalStateException("sign-in refused: HTTP " + signedIn.statusCode() + " "
                    + signedIn.headers().firstValue("Location").orElse(""));
        }
    }

    /** A recording's page: its state, lineage and history (from the event store). */
    ClosedLoop.Outcome recordingPages(int clients, Duration duration, long size, LongFunction<String> isrcAt)
            throws InterruptedException {
        return ClosedLoop.run(clients, duration, id -> client(() -> {
            String isrc = isrcAt.apply(ThreadLocalRandom.current().nextLong(size));
            expect(get("/console/recordings/" + isrc), display(isrc));
        }));
    }

    /** A search by (part of) a title within the code's prefix: the first page of results. */
    ClosedLoop.Outcome searches(int clients, Duration duration, long size, LongFunction<String> isrcAt)
            throws InterruptedException {
        return ClosedLoop.run(clients, duration, id -> client(() -> {
            String isrc = isrcAt.apply(ThreadLocalRandom.current().nextLong(size));
            expect(get("/console/recordings?prefix=" + isrc.substring(0, 5) + "&title="
                    + encode(CatalogueSeeder.Catalogue.title(isrc))), display(isrc));
        }));
    }

    /** The baseline: the API's JSON look-up of the same codes, by the same loop. */
    ClosedLoop.Outcome apiLookups(int clients, Duration duration, long size, LongFunction<String> isrcAt)
            throws InterruptedException {
        return ClosedLoop.run(clients, duration, id -> client(() -> {
            String isrc = isrcAt.apply(ThreadLocalRandom.current().nextLong(size));
            expect(get("/v1/recordings/" + isrc), isrc);
        }));
    }

    private static ClosedLoop.Client client(ClosedLoop.Call call) {
        return () -> call;
    }

    private static void expect(HttpResponse<String> response, String shown) {
        if (response.statusCode() != 200 || !response.body().contains(shown)) {
            throw new IllegalStateException(response.uri() + ": HTTP " + response.statusCode() + " without " + shown);
        }
    }

    private static String display(String isrc) {
        return isrc.substring(0, 2) + "-" + isrc.substring(2, 5) + "-" + isrc.substring(5, 7) + "-" + isrc.substring(7);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
