package org.isrcregistry.api.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.http.CachedBodyRequest;
import org.isrcregistry.api.http.ProblemResponses;
import org.isrcregistry.api.idempotency.IdempotencyKeys.StoredResponse;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.isrcregistry.api.security.TokenController;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST, PUT and PATCH: the first request with a key claims it in PostgreSQL, runs,
 * and stores its response (status, Content-Type, Location, body); a retry with the same key gets that response back
 * with {@code Idempotent-Replayed: true} and runs nothing. A retry arriving while the first still runs waits for it.
 * A server error releases the key, so the request can be retried; a key the database could not settle (it was out
 * of reach) is settled once it is back. The same key for another request is refused.
 * Keys expire ({@link IdempotencyKeyExpiry}). Runs after Spring Security: keys are scoped to the authenticated
 * token, and a refused request claims none. A new API token's answer holds its secret, so it is never kept.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final long POLL_MILLIS = 10;

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;
    private final Duration waitForFirst;

    IdempotencyFilter(IdempotencyKeys keys, ProblemResponses problems, IdempotencyProperties properties) {
        this.keys = keys;
        this.problems = problems;
        this.waitForFirst = properties.retryWait();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || request.getRequestURI().startsWith(TokenController.PATH)
                || !switch (request.getMethod()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(response, Problems.of(ProblemType.INVALID_FIELD,
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters", HEADER,
                    "Send a unique key per operation, e.g. a UUID."));
            return;
        }
        String scope = RegistryCommands.actorOf(request);
        String hash = hash(request);
        long deadline = System.nanoTime() + waitForFirst.toNanos();
        while (true) {
            if (keys.claim(scope, key, hash)) {
                runAndStore(request, response, chain, scope, key);
                return;
            }
            Optional<StoredResponse> stored = keys.find(scope, key);
            if (stored.isEmpty()) {
                continue; // the first request failed and released the key: claim it again
            }
            if (!stored.get().requestHash().equals(hash)) {
                problems.write(response, Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request (method, path or body)", HEADER,
                        "Use a new key for a new request; send exactly the same request to retry."));
                return;
            }
            if (stored.get().status() != null) {
                replay(stored.get(), response);
                return;
            }
            if (System.nanoTime() > deadline) {
                problems.write(response, Problems.of(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                        "The first request with this Idempotency-Key is still running", HEADER,
                        "Retry the request with the same key a little later."));
                return;
            }
            sleep();
        }
    }

    private void runAndStore(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                             String scope, String key) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        StoredResponse answer = null;
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500) {
                answer = new StoredResponse(null, captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray());
            }
        } finally {
            keys.settle(scope, key, answer);
        }
        captured.copyBodyToResponse();
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(REPLAYED, "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static String hash(HttpServletRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update(CachedBodyRequest.body(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the first request with this key", e);
        }
    }
}
