package org.isrcregistry.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;

/** A plain Kafka consumer, as a downstream system would use, reading a topic from the beginning. */
public final class KafkaTestConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public KafkaTestConsumer(KafkaConnectionDetails kafka, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getConsumerBootstrapServers()),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code until} holds for the records seen so far, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, byte[]>> pollUntil(Predicate<List<ConsumerRecord<String, byte[]>>> until,
                                                          Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!until.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Kafka did not deliver the expected records within " + timeout
                        + "; seen " + seen.size() + ": " + seen.stream().map(ConsumerRecord::key).toList());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
