package org.isrcregistry.projections.feed;

import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.isrcregistry.core.event.RegistryEvent;

/**
 * Publishes every committed registry event to the events topic, keyed by its subject (the ISRC or the prefix code),
 * so all events of one recording arrive in order on one partition.
 *
 * <p>The event store is the outbox: this handler runs in a streaming processor over it, and the processor's token is
 * stored only after the broker acknowledged every send of the batch ({@code acks=all}, idempotent producer). After a
 * crash the processor resumes from its last token: an event may be published again (with the same CloudEvents id),
 * never skipped.
 */
@ProcessingGroup(KafkaFeedPublisher.PROCESSING_GROUP)
public class KafkaFeedPublisher {

    public static final String PROCESSING_GROUP = "kafka-feed";
    private static final String PENDING_SENDS = KafkaFeedPublisher.class.getName() + ".pending";

    private final Producer<String, CloudEvent> producer;
    private final CloudEventMapper mapper;
    private final KafkaFeedProperties properties;
    private final FeedTopics topics;

    KafkaFeedPublisher(Producer<String, CloudEvent> producer, CloudEventMapper mapper, KafkaFeedProperties properties,
                       FeedTopics topics) {
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
        this.topics = topics;
    }

    @EventHandler
    void on(RegistryEvent event, EventMessage<RegistryEvent> message, UnitOfWork<?> unitOfWork) {
        topics.ensureCreated();
        CloudEvent cloudEvent = mapper.toCloudEvent(message);
        pendingSends(unitOfWork).add(producer.send(
                new ProducerRecord<>(properties.eventsTopic(), event.subject(), cloudEvent)));
    }

    /** All sends of one batch share a list; the batch commits only once the broker acknowledged each of them. */
    private List<Future<RecordMetadata>> pendingSends(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING_SENDS, key -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            root.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new FeedUnavailableException("The broker did not acknowledge the batch; it will be retried", e);
        }
    }
}
