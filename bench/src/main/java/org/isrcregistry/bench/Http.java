package org.isrcregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The JDK's HTTP client, HTTP/1.1 with keep-alive: one pooled connection per concurrent caller. Every request carries
 * the AGENCY token, if there is one.
 */
final class Http {

    record Response(int status, String body, Optional<String> location) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Response require(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + body);
            }
            return this;
        }
    }

    private final String baseUrl;
    private final String token;
    private final HttpClient client;

    Http(String baseUrl, String token) {
        this.token = token;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Requests as the public sends them: no token. */
    Http anonymous() {
        return new Http(baseUrl, null);
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET of a plain-text document, e.g. the Prometheus exposition. */
    Response getText(String path) {
        return send(request(path).setHeader("Accept", "text/plain").GET().build());
    }

    Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** For an operation that may legitimately take minutes (a synchronous rebuild or import). */
    Response postJson(String path, String json, Duration timeout) {
        return send(request(path).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response post(String path, String contentType, String body) {
        return send(request(path).timeout(Duration.ofMinutes(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The lines of a CSV document, read as it streams in (nothing kept); fails unless the answer is 200. */
    long csvLines(String path, Duration timeout) {
        HttpRequest request = request(path).timeout(timeout).setHeader("Accept", "text/csv").GET().build();
        try {
            HttpResponse<java.io.InputStream> response = client.send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + path + " (CSV): HTTP " + response.statusCode() + " "
                            + new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
                long lines = 0;
                byte[] buffer = new byte[1 << 16];
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
                return lines;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location"));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
