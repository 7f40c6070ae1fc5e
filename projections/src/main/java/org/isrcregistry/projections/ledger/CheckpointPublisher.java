package org.isrcregistry.projections.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.isrcregistry.projections.feed.FeedTopics;
import org.isrcregistry.projections.feed.FeedUnavailableException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every signed checkpoint, in order, on the checkpoint topic (one partition, kept for ever): the note as the
 * value, the origin as the key, the tree size in the header {@value #TREE_SIZE}. The table is the outbox: a checkpoint
 * is published once the broker acknowledged it, and the position moves in the same transaction; one node publishes at
 * a time (an advisory lock).
 */
public class CheckpointPublisher implements AutoCloseable {

    public static final String TREE_SIZE = "ledger-tree-size";
    public static final String PREVIOUS_TREE_SIZE = "ledger-previous-tree-size";
    static final long LOCK = LedgerWriter.LOCK + 1;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Supplier<Producer<String, byte[]>> producers;
    private final FeedTopics topics;
    private final String topic;
    private Producer<String, byte[]> producer;
    private boolean topicCreated;

    public CheckpointPublisher(DataSource dataSource, Supplier<Producer<String, byte[]>> producers, FeedTopics topics,
                               String topic) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.producers = producers;
        this.topics = topics;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** Publishes the checkpoints not published yet; returns how many. */
    public synchronized int publish() {
        try {
            return transactions.execute(status -> publishInTransaction());
        } catch (RuntimeException failed) {
            discard();
            throw failed;
        }
    }

    private int publishInTransaction() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return 0;
        }
        long published = jdbc.queryForObject("SELECT checkpoint_id FROM ledger_checkpoint_publication", Long.class);
        List<LedgerCheckpoints.Stored> pending = LedgerCheckpoints.after(jdbc, published, 500);
        if (pending.isEmpty()) {
            return 0;
        }
        if (!topicCreated) {
            topics.ensureSinglePartitionLog(topic);
            topicCreated = true;
        }
        List<Long> previousSizes = jdbc.queryForList(
                "SELECT coalesce((SELECT tree_size FROM ledger_checkpoint WHERE id = ?), 0)", Long.class, published);
        long previousSize = previousSizes.get(0);
        Producer<String, byte[]> out = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (LedgerCheckpoints.Stored checkpoint : pending) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, 0, origin(checkpoint.note()),
                    checkpoint.note().getBytes(StandardCharsets.UTF_8));
            record.headers().add(TREE_SIZE, Long.toString(checkpoint.treeSize()).getBytes(StandardCharsets.US_ASCII));
            record.headers().add(PREVIOUS_TREE_SIZE, Long.toString(previousSize).getBytes(StandardCharsets.US_ASCII));
            record.headers().add("content-type", "text/plain; charset=utf-8".getBytes(StandardCharsets.US_ASCII));
            sent.add(out.send(record));
            previousSize = checkpoint.treeSize();
        }
        out.flush();
        try {
            for (Future<RecordMetadata> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("interrupted while publishing checkpoints");
        } catch (ExecutionException | TimeoutException e) {
            throw new FeedUnavailableException("checkpoints not acknowledged by the broker: " + e);
        }
        jdbc.update("UPDATE ledger_checkpoint_publication SET checkpoint_id = ?", pending.get(pending.size() - 1).id());
        return pending.size();
    }

    private static String origin(String note) {
        return note.substring(0, note.indexOf('\n'));
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }
}
