package org.isrcregistry.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.isrcregistry.api.problem.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL cannot be reached (restarting, failing over, out of connections), a request fails within the
 * pool's {@code connection-timeout} with a {@code 503} problem and {@code Retry-After}, never a 500 and never a hung
 * request; the pool reconnects on its own once the database is back. Controllers' failures are answered by the
 * problem handler ({@link DatabaseUnreachable}); this filter answers those of the filters before them (the token's and
 * the Idempotency-Key's look-ups). Nothing half-done is kept: each command is one transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final ProblemResponses problems;

    DatabaseOutage(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnreachable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnreachable.RETRY_AFTER);
            problems.write(response, DatabaseUnreachable.problem());
        }
    }
}
