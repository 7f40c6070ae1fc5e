package org.isrcregistry.projections.feed;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * The feed's producer, replaced after a failed batch. Closing it at once fails every send still buffered, so nothing
 * of the failed batch reaches the broker after the batch is retried from its token: per partition the broker holds a
 * prefix of what was sent, then the retry, never a later event before an earlier one.
 */
final class FeedProducer implements AutoCloseable {

    private final Supplier<Producer<String, CloudEvent>> factory;
    private Producer<String, CloudEvent> producer;

    FeedProducer(Supplier<Producer<String, CloudEvent>> factory) {
        this.factory = factory;
    }

    synchronized Producer<String, CloudEvent> get() {
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
