package org.isrcregistry.api.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tokens this node has looked up, kept in memory so that a request does not read table {@code api_token}, and
 * forgotten as soon as what a token may do changes on any node: PostgreSQL notifies channel {@code api_token_changed}
 * when such a change commits (migration V140), and every node listens on a connection of its own. Tokens are kept
 * only while this node listens; while the connection is lost every request reads the table, so a missed notification
 * can never leave a revoked token usable.
 *
 * <p>A node that made such a change calls {@link #sync()} before it answers: it sends a marker on the channel and waits
 * until every listening node has acknowledged it. PostgreSQL delivers a channel's notifications in commit order, so a
 * node that saw the marker has already forgotten what the change made stale: when the answer leaves, the change holds
 * on every node.
 */
@Component
public class TokenChanges implements SmartLifecycle {

    static final String CHANNEL = "api_token_changed";
    /** The listening connections' name, by which a node counts the nodes that must acknowledge a change. */
    static final String LISTENER = "isrc-registry token changes";
    private static final String SYNC = "sync:";
    private static final String ACK = "ack:";
    private static final Logger log = LoggerFactory.getLogger(TokenChanges.class);
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    /** Moves at every notification and every loss or start of listening; odd while not listening. */
    private final AtomicLong generation = new AtomicLong(1);
    private final ConcurrentHashMap<String, CountDownLatch> syncs = new ConcurrentHashMap<>();
    private final Cache<String, ApiToken> kept = Caffeine.newBuilder().maximumSize(10_000).recordStats().build();
    private volatile Thread listener;
    private volatile Connection connection;
    private volatile boolean running;

    TokenChanges(DataSource dataSource, JdbcTemplate jdbc, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        CaffeineCacheMetrics.monitor(meters, kept, "registry.tokens");
    }

    /**
     * The token under this secret hash: the one kept, or the look-up's, kept if no change was notified while it ran
     * (one notified after the check still forgets it).
     */
    Optional<ApiToken> token(String secretHash, Supplier<Optional<ApiToken>> lookUp) {
        ApiToken token = kept.getIfPresent(secretHash);
        if (token != null) {
            return Optional.of(token);
        }
        long seen = generation.get();
        Optional<ApiToken> found = lookUp.get();
        if (found.isPresent() && listening(seen)) {
            kept.put(secretHash, found.get());
            if (generation.get() != seen) {
                kept.invalidate(secretHash);
            }
        }
        return found;
    }

    /** Whether this node listens for changes now, and so keeps the tokens it reads. */
    boolean listening() {
        return listening(generation.get());
    }

    private static boolean listening(long generation) {
        return generation % 2 == 0;
    }

    /**
     * Waits until every listening node has seen every token change committed before the call (see the class comment);
     * call it after the change committed.
     */
    public void sync() {
        if (!listening()) {
            return;
        }
        String marker = UUID.randomUUID().toString();
        int nodes = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity"
                + " WHERE application_name = ? AND datname = current_database()", Integer.class, LISTENER);
        CountDownLatch acknowledged = new CountDownLatch(nodes);
        syncs.put(marker, acknowledged);
        try {
            jdbc.queryForObject("SELECT pg_notify(?, ?)::text", String.class, CHANNEL, SYNC + marker);
            if (!acknowledged.await(SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                // A node that does not answer is stuck or has lost its connection, and then keeps nothing; this
                // node starts listening again, in case it is the one.
                log.warn("{} of {} nodes did not acknowledge a token change within {}", acknowledged.getCount(),
                        nodes, SYNC_TIMEOUT);
                restartListening();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            syncs.remove(marker);
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "token-changes");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
        closeConnection();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try {
                connection = dataSource.getConnection();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET application_name = '" + LISTENER + "'");
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // Listening from here on: whatever changed before is no longer in memory.
                changed(true);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(500);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        receive(notification.getParameter(), connection);
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (running) {
                    log.warn("Not listening for token changes ({}); tokens are read from the database on every request"
                            + " until listening again", lost.getMessage());
                }
            } finally {
                changed(false);
                // Never back to the pool: it still listens and carries the listeners' name.
                closeConnection();
                connection = null;
            }
            sleep();
        }
    }

    /**
     * A change (its table's name) forgets every token; a sync marker comes after the changes committed before it, so
     * it is acknowledged; an acknowledgement counts for the node waiting on that marker.
     */
    private void receive(String payload, Connection listening) throws SQLException {
        if (payload.startsWith(SYNC)) {
            try (var acknowledge = listening.prepareStatement("SELECT pg_notify(?, ?)")) {
                acknowledge.setString(1, CHANNEL);
                acknowledge.setString(2, ACK + payload.substring(SYNC.length()));
                acknowledge.execute();
            }
        } else if (payload.startsWith(ACK)) {
            CountDownLatch waiting = syncs.get(payload.substring(ACK.length()));
            if (waiting != null) {
                waiting.countDown();
            }
        } else {
            changed(true);
        }
    }

    /** A new generation (even while listening, odd while not), then nothing kept. */
    private void changed(boolean listening) {
        generation.updateAndGet(g -> listening ? (g % 2 == 0 ? g + 2 : g + 1) : (g % 2 == 0 ? g + 1 : g + 2));
        kept.invalidateAll();
    }

    private void restartListening() {
        changed(false);
        closeConnection();
    }

    private void closeConnection() {
        Connection current = connection;
        if (current != null) {
            try {
                current.abort(Runnable::run);
                current.close();
            } catch (SQLException ignored) {
                // Already closed: the listener starts over either way.
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RECONNECT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
