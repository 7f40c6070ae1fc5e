package org.isrcregistry.projections.feed;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * The feed's producer, replaced after a failed batch. Closing it at once fails every send still buffered, so nothing
 * of the failed batch reaches the broker after the batch is retried from its token: per partition the broker holds a
 * prefix of what was sent, then the retry, never a later event before an earlier one.
 */
final class FeedProducer implements AutoCloseable {

    private final Supplier<Producer<String, byte[]>> factory;
    private Producer<String, byte[]> producer;

    FeedProducer(Supplier<Producer<String, byte[]>> factory) {
        this.factory = factory;
    }

    synchronized Producer<String, byte[]> get() {
        if (producer == null) {
            producer = factory.get();
        }
        return producer;
    }

    synchronized void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
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
