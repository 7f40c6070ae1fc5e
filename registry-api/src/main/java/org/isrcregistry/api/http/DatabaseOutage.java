package org.isrcregistry.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL cannot be reached (restarting, failing over, out of connections), a request fails within the
 * pool's {@code connection-timeout} with a {@code 503} problem and {@code Retry-After}, never a 500 and never a hung
 * request; the pool reconnects on its own once the database is back. Controllers' failures are answered by the
 * problem handler with {@link #problem()}; this filter answers those of the filters before them (the token's and the
 * Idempotency-Key's look-ups). Nothing half-done is kept: each command is one transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseOutage extends OncePerRequestFilter {

    /** Seconds a client should wait: a restart of PostgreSQL takes about that long. */
    public static final String RETRY_AFTER = "5";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final ProblemResponses problems;

    DatabaseOutage(ProblemResponses problems) {
        this.problems = problems;
    }

    /**
     * Whether the failure is the database being out of reach rather than a fault of the request or the code:
     * no connection within the pool's time limit, or one lost (SQLSTATE class 08, connection exception; 57P,
     * operator intervention, e.g. a shutdown; a transaction's begin, commit or rollback failing on its connection).
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof DataAccessResourceFailureException
                    // a transaction that could not begin, or be committed or rolled back, on its connection
                    || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // HikariCP's answer, without a SQLSTATE, on a connection it already evicted as broken
            if (cause instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return Problems.of(ProblemType.SERVICE_UNAVAILABLE, "The registry's database cannot be reached at the"
                + " moment", null, "Retry after the Retry-After seconds with the same Idempotency-Key: a request that"
                + " was stored is not stored twice.");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
            problems.write(response, problem());
        }
    }
}
