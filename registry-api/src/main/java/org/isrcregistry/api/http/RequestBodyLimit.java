package org.isrcregistry.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Reads the body of every POST, PUT and PATCH up to its limit (larger for bulk imports) and refuses a larger one with
 * 413 before anything else runs. The body is kept, so the idempotency filter can hash it and the controller parse it.
 * Runs after Spring Security, so no body is read for a request that is refused anyway: without a usable token or the
 * right, a request's body is never read (a client could otherwise make the registry hold 64 MB per connection
 * without any token), and only those allowed to import get the import's limit. Runs after {@link AcceptableAnswer}
 * too (a change whose answer cannot be written is refused unread) and before the idempotency filter, which hashes it.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 7)
public class RequestBodyLimit extends OncePerRequestFilter {

    private static final PathPattern IMPORTS = PathPatternParser.defaultInstance
            .parse("/v1/prefixes/{prefix}/recordings/imports");

    private final ApiLimits limits;
    private final ProblemResponses problems;

    RequestBodyLimit(ApiLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !switch (request.getMethod()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isImport = request.getMethod().equals("POST")
                && IMPORTS.matches(PathContainer.parsePath(request.getRequestURI()));
        long limit = (isImport ? limits.maxImportSize() : limits.maxBodySize()).toBytes();
        byte[] body = request.getContentLengthLong() > limit ? null : read(request.getInputStream(), limit);
        if (body == null) {
            problems.write(response, Problems.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the limit of " + limit + " bytes"
                            + (isImport ? " for an import" : ""), null,
                    isImport ? "Split the import into several smaller ones." : "Send a smaller request body."));
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The body, or null when it is longer than the limit. */
    private static byte[] read(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        return body.length > limit ? null : body;
    }
}
