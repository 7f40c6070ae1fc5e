package org.isrcregistry.projections.ledger;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the ledger writer every poll interval and the checkpoint publisher every half second, each on its own thread,
 * from the start of the application to its stop. A failure is logged when it changes (a fork at every round once) and
 * the next round tries again.
 */
class LedgerScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerScheduler.class);

    private final LedgerWriter writer;
    private final CheckpointPublisher publisher;
    private final long pollMillis;
    private ScheduledExecutorService threads;
    private volatile String lastWriterFailure;
    private volatile String lastPublisherFailure;

    LedgerScheduler(LedgerWriter writer, CheckpointPublisher publisher, long pollMillis) {
        this.writer = writer;
        this.publisher = publisher;
        this.pollMillis = pollMillis;
    }

    @Override
    public synchronized void start() {
        threads = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "ledger");
            thread.setDaemon(true);
            return thread;
        });
        threads.scheduleWithFixedDelay(this::write, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(this::publish, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void write() {
        try {
            LedgerWriter.Round round;
            do { // a backlog is caught up without waiting between rounds
                round = writer.write();
            } while (round.leader() && round.appended() >= 1_000 && !Thread.currentThread().isInterrupted());
            lastWriterFailure = null;
        } catch (LedgerWriter.ForkException fork) {
            if (!Objects.equals(lastWriterFailure, fork.getMessage())) {
                log.error("The ledger refuses to sign: {}", fork.getMessage());
            }
            lastWriterFailure = fork.getMessage();
        } catch (RuntimeException e) {
            if (!Objects.equals(lastWriterFailure, e.toString())) {
                log.warn("A round of the ledger writer failed; it is tried again", e);
            }
            lastWriterFailure = e.toString();
        }
    }

    private void publish() {
        try {
            publisher.publish();
            lastPublisherFailure = null;
        } catch (RuntimeException e) {
            if (!Objects.equals(lastPublisherFailure, e.getMessage())) {
                log.warn("Checkpoints not published yet: {}", e.getMessage());
            }
            lastPublisherFailure = e.getMessage();
        }
    }

    /** What last went wrong in the writer, null if its last round went well. */
    String writerFailure() {
        return lastWriterFailure;
    }

    @Override
    public synchronized void stop() {
        if (threads != null) {
            threads.shutdownNow();
            try {
                threads.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            threads = null;
        }
        publisher.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return threads != null;
    }

    /** Stops before the data source and the broker do. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
