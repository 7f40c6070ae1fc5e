package org.isrcregistry.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Commit-to-consumer lag of the Kafka feed while codes are assigned at full speed: a plain {@link KafkaConsumer} on
 * the events topic, positioned at its end and consuming from before the warm-up, takes for each message committed
 * after {@link #measureFromNow()} the time it received it minus the event's time ({@code ce_time}: when the event was
 * applied, just before its transaction committed). The lag is split at the record's timestamp (its producer's send,
 * {@code CreateTime}): before it, the registry (commit, event store, feed processor); after it, the broker's
 * acknowledgement and this consumer's fetch.
 */
final class KafkaLag implements AutoCloseable {

    static final String TOPIC = "isrc-registry.events";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Histogram lag = histogram();
    private final Histogram untilSent = histogram();
    private final Histogram afterSent = histogram();
    private final Set<String> assignedSubjects = ConcurrentHashMap.newKeySet();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Instant measuredFrom = Instant.MAX;

    /** How many messages {@code topic} holds: the sum of its partitions' end offsets (a fresh topic starts at 0). */
    static long messagesIn(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .mapToLong(Long::longValue).sum();
        }
    }

    KafkaLag(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "isrc-bench",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new Skip("waiting for the Kafka feed: no topic " + TOPIC);
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::consume, "kafka-lag");
        thread.start();
    }

    private void consume() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant received = Instant.now();
                    Instant committed = OffsetDateTime.parse(header(record, "ce_time")).toInstant();
                    if (committed.isBefore(measuredFrom)) {
                        continue;
                    }
                    Instant sent = Instant.ofEpochMilli(record.timestamp());
                    lag.recordValue(micros(committed, received));
                    untilSent.recordValue(micros(committed, sent));
                    afterSent.recordValue(micros(sent, received));
                    messages.incrementAndGet();
                    if (header(record, "ce_type").contains("IsrcAssigned")) {
                        assignedSubjects.add(header(record, "ce_subject"));
                    }
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private static Histogram histogram() {
        return new Histogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
    }

    private static long micros(Instant from, Instant to) {
        return Math.max(0, ChronoUnit.MICROS.between(from, to));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("Message at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Counts the events committed from now on. The consumer runs from its construction, so its first fetches (a
     * second and a half of start-up in the full run, which counted against the registry) come before.
     */
    void measureFromNow() {
        measuredFrom = Instant.now();
    }

    /** Waits until every assigned code's {@code IsrcAssigned} arrived; the lags of the backlog count too. */
    String awaitAll(List<String> codes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> missing = new HashSet<>(codes);
        while (System.nanoTime() < deadline && failure.get() == null) {
            missing.removeAll(assignedSubjects);
            if (missing.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The consumer failed", failure.get());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " of " + codes.size()
                    + " assigned codes never arrived on " + TOPIC + " within " + timeout + ", e.g. "
                    + missing.iterator().next());
        }
        return "every one of the %,d assigned codes arrived (%,d messages)".formatted(codes.size(), messages.get());
    }

    long messages() {
        return messages.get();
    }

    /** Read after {@link #close()}, once the consumer thread stopped writing. */
    Histogram lag() {
        return lag;
    }

    /** From {@code ce_time} to the feed's send (the record's timestamp): the registry's part of {@link #lag()}. */
    Histogram untilSent() {
        return untilSent;
    }

    /** From the feed's send to this consumer: the producer's batching, the broker and the fetch. */
    Histogram afterSent() {
        return afterSent;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
