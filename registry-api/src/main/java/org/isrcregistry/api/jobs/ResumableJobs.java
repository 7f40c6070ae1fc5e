package org.isrcregistry.api.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Background work that outlives its request and survives a stop or a crash (bulk imports, bulk ownership transfers):
 * each job runs in a pool of its own, on one node at a time, holding a PostgreSQL advisory lock on its id on a session
 * of its own. If that node dies its session ends, the lock with it, and another node resumes the job; the owner calls
 * {@link #resume} with its jobs still running, at start-up and now and then. A job reads its state once the lock is
 * held, so a finished job is not run again, and records its progress as it goes, so it resumes where it stopped.
 */
public final class ResumableJobs {

    /** One run of a job, from where its recorded progress ends; called with the job's lock held. */
    @FunctionalInterface
    public interface Work {
        void run(UUID id) throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(ResumableJobs.class);

    private final JdbcTemplate jdbc;
    private final String name;
    private final Work work;
    private final Consumer<UUID> failed;
    private final TaskExecutor executor;
    /** The jobs this node has started or queued. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    /**
     * @param name   what the jobs are, for the threads' names and the log
     * @param failed records that a job failed for good (an exception other than a stop)
     */
    public ResumableJobs(JdbcTemplate jdbc, String name, int concurrent, Work work, Consumer<UUID> failed) {
        this.jdbc = jdbc;
        this.name = name;
        this.work = work;
        this.failed = failed;
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(concurrent);
        pool.setThreadNamePrefix(name + "-");
        pool.setWaitForTasksToCompleteOnShutdown(false);
        pool.initialize();
        this.executor = pool;
    }

    /** Runs the job in the background, unless this node runs or queued it already. */
    public void submit(UUID id) {
        submit(id, () -> {
        });
    }

    /** The same, then {@code ended} once the job ran, failed, or was found running on another node. */
    public void submit(UUID id, Runnable ended) {
        if (!running.add(id)) {
            ended.run();
            return;
        }
        executor.execute(() -> {
            try {
                runExclusively(id);
            } catch (RuntimeException | SQLException e) {
                log.error("{} {} failed", name, id, e);
                failed.accept(id);
            } finally {
                running.remove(id);
                ended.run();
            }
        });
    }

    /** Submits the jobs still running (as their table says) that this node does not run: another node's, if it died. */
    public void resume(Collection<UUID> stillRunning) {
        stillRunning.stream().filter(id -> !running.contains(id)).forEach(this::submit);
    }

    private void runExclusively(UUID id) throws SQLException {
        long lock = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
        try (Connection session = jdbc.getDataSource().getConnection()) {
            if (!advisoryLock(session, "pg_try_advisory_lock", lock)) {
                return; // another node runs it
            }
            try {
                work.run(id);
            } finally {
                advisoryLock(session, "pg_advisory_unlock", lock);
            }
        }
    }

    private static boolean advisoryLock(Connection session, String function, long key) throws SQLException {
        try (PreparedStatement sql = session.prepareStatement("SELECT " + function + "(?)")) {
            sql.setLong(1, key);
            try (ResultSet result = sql.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
