package org.isrcregistry.api.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * PostgreSQL out of reach (restarting, failing over, out of connections) is no fault of the request nor of the
 * registry: the answer is {@code 503} with {@code Retry-After}, never a 500. The problem handler answers so for the
 * controllers, the {@code DatabaseOutage} filter for the filters before them.
 */
public final class DatabaseUnreachable {

    /** Seconds a client should wait: a restart of PostgreSQL takes about that long. */
    public static final String RETRY_AFTER = "5";

    private DatabaseUnreachable() {
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
}
