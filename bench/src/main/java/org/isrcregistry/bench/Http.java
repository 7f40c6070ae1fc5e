package org.isrcregistry.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient's classic (blocking) client, HTTP/1.1 with keep-alive: one pooled connection per concurrent
 * caller, no retries, redirects, cookies or compression, so each request is sent and measured once. Every request
 * carries the AGENCY token, if there is one. Not the JDK's client: the harness shares the registry's cores, and the
 * JDK's asynchronous machinery cost it about as much CPU per request as the registry spends answering one.
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

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String token;
    private final CloseableHttpClient client;

    Http(String baseUrl, String token) {
        this(baseUrl, token, client());
    }

    private Http(String baseUrl, String token, CloseableHttpClient client) {
        this.token = token;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.client = client;
    }

    private static CloseableHttpClient client() {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(1024)
                .setMaxConnPerRoute(1024)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10)).build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Requests as the public sends them: no token (over the same connections). */
    Http anonymous() {
        return new Http(baseUrl, null, client);
    }

    Response get(String path) {
        return send(request(new HttpGet(url(path)), DEFAULT_TIMEOUT));
    }

    /** A GET of a plain-text document, e.g. the Prometheus exposition. */
    Response getText(String path) {
        HttpUriRequestBase request = request(new HttpGet(url(path)), DEFAULT_TIMEOUT);
        request.setHeader("Accept", "text/plain");
        return send(request);
    }

    Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** For an operation that may legitimately take minutes (a synchronous rebuild or import). */
    Response postJson(String path, String json, Duration timeout) {
        return post(path, "application/json", json, timeout);
    }

    Response post(String path, String contentType, String body) {
        return post(path, contentType, body, Duration.ofMinutes(10));
    }

    private Response post(String path, String contentType, String body, Duration timeout) {
        HttpPost request = request(new HttpPost(url(path)), timeout);
        request.setEntity(new StringEntity(body, ContentType.parse(contentType).withCharset(StandardCharsets.UTF_8)));
        return send(request);
    }

    /** The lines of a CSV document, read as it streams in (nothing kept); fails unless the answer is 200. */
    long csvLines(String path, Duration timeout) {
        HttpGet request = request(new HttpGet(url(path)), timeout);
        request.setHeader("Accept", "text/csv");
        return execute(request, response -> {
            try (InputStream body = response.getEntity().getContent()) {
                if (response.getCode() != 200) {
                    throw new IllegalStateException("GET " + path + " (CSV): HTTP " + response.getCode() + " "
                            + new String(body.readAllBytes(), StandardCharsets.UTF_8));
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
        });
    }

    private String url(String path) {
        return path.startsWith("http") ? path : baseUrl + path;
    }

    private <R extends HttpUriRequestBase> R request(R request, Duration timeout) {
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
        request.setHeader("Accept", "application/json");
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Response send(HttpUriRequestBase request) {
        return execute(request, (ClassicHttpResponse response) -> {
            Header location = response.getFirstHeader("Location");
            String body = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Response(response.getCode(), body, Optional.ofNullable(location).map(Header::getValue));
        });
    }

    private <T> T execute(HttpUriRequestBase request, HttpClientResponseHandler<T> handler) {
        try {
            return client.execute(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.getMethod() + " " + request.getRequestUri() + " failed", e);
        }
    }
}
