package org.isrcregistry.projections.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.event.RecordingEvent;
import org.isrcregistry.core.event.RegistryEvent;
import org.isrcregistry.core.event.RestrictedEvent;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.projections.feed.FeedStates.Kind;
import org.isrcregistry.projections.prefix.PrefixState;
import org.isrcregistry.projections.recording.RecordingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every committed registry event to the events topic, keyed by its subject (the ISRC or the prefix code),
 * so all events of one recording arrive in order on one partition; and the recording's or prefix's state after it to
 * the compacted state topic under the same key. Registrant data and who holds which prefix ({@link RestrictedEvent}) go
 * to the restricted registrants topic only.
 *
 * <p>The event store is the outbox: this handler runs in a streaming processor over it, and the processor's token
 * (with the states in {@code kafka_feed_state}) is stored only after the broker acknowledged every send of the batch
 * ({@code acks=all}, idempotent producer). After a crash the processor resumes from its last token: an event may be
 * published again (with the same CloudEvents id), never skipped. A failed batch discards the producer and is retried
 * from the token after a growing pause, so an outage neither spins nor floods the log.
 */
@ProcessingGroup(KafkaFeedPublisher.PROCESSING_GROUP)
public class KafkaFeedPublisher {

    public static final String PROCESSING_GROUP = "kafka-feed";
    private static final Logger log = LoggerFactory.getLogger(KafkaFeedPublisher.class);
    private static final String BATCH = KafkaFeedPublisher.class.getName() + ".batch";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(20);

    private final FeedProducer producer;
    private final CloudEventMapper mapper;
    private final KafkaFeedProperties properties;
    private final FeedTopics topics;
    private final FeedStates states;
    private final Timer lag;
    private final FeedHalt halt;
    private Duration pause = Duration.ZERO;

    KafkaFeedPublisher(FeedProducer producer, CloudEventMapper mapper, KafkaFeedProperties properties,
                       FeedTopics topics, FeedStates states, MeterRegistry meters, FeedHalt halt) {
        this.halt = halt;
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
        this.topics = topics;
        this.states = states;
        this.lag = Timer.builder("registry.feed.publication.lag")
                .description("From an event's commit to the broker's acknowledgement of it on the events topic")
                .publishPercentiles(0.5, 0.99)
                // Buckets for scrapers and the benchmark (which reads them before and after its load); the 1 s
                // bucket is the target's bound: p99 <= 1 s iff 99 % of the events fall in it.
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    @EventHandler
    void on(RegistryEvent event, EventMessage<RegistryEvent> message, UnitOfWork<?> unitOfWork) {
        Batch batch = batch(unitOfWork);
        Instant at = message.getTimestamp();
        if (event instanceof RestrictedEvent) {
            batch.send(mapper.event(properties.registrantsTopic(), message, event), at);
            return;
        }
        batch.send(mapper.event(properties.eventsTopic(), message, event), at);
        try {
            if (event instanceof RecordingEvent recordingEvent) {
                // A creation starts from nothing: no round trip to the database for most of the feed's events.
                RecordingState before = recordingEvent instanceof RecordingCreated ? null
                        : batch.state(Kind.RECORDING, event.subject(), RecordingState.class);
                RecordingState after = before == null
                        ? RecordingState.start(recordingEvent, at)
                        : before.apply(recordingEvent, at);
                batch.publishState(Kind.RECORDING, properties.recordingsTopic(), message, event, after);
            } else if (event instanceof PrefixEvent prefixEvent && PrefixState.changes(prefixEvent)) {
                PrefixState before = prefixEvent instanceof PrefixRegistered ? null
                        : batch.state(Kind.PREFIX, event.subject(), PrefixState.class);
                PrefixState after = PrefixState.fold(before, prefixEvent, at);
                batch.publishState(Kind.PREFIX, properties.prefixesTopic(), message, event, after);
            }
        } catch (IllegalArgumentException unfoldable) {
            // A stream the aggregates cannot write (e.g. an event of a recording never created): the event is
            // published, its key's state is left as it was, and the feed goes on.
            log.warn("Kafka feed: no state after event {} of {}: {}", message.getIdentifier(), event.subject(),
                    unfoldable.getMessage());
        }
    }

    /** A reset republishes from the first event, so the states are folded again from nothing. */
    @ResetHandler
    void reset() {
        states.clear();
    }

    private Batch batch(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(BATCH, key -> {
            halt.refuseWhileHalted();
            pauseAfterFailure();
            try {
                topics.ensureCreated();
            } catch (FeedUnavailableException e) {
                throw failed(e);
            }
            Batch batch = new Batch();
            root.onPrepareCommit(u -> batch.commit());
            return batch;
        });
    }

    private void pauseAfterFailure() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("Interrupted while waiting to retry");
        }
    }

    /**
     * The sends and the states of one batch: the batch's transaction (states and token) commits only once the broker
     * acknowledged every send.
     */
    private final class Batch {

        private final List<Future<RecordMetadata>> sends = new ArrayList<>();
        private final Map<Kind, Map<String, Object>> changed = Map.of(
                Kind.RECORDING, new LinkedHashMap<>(), Kind.PREFIX, new LinkedHashMap<>());

        <T> T state(Kind kind, String subject, Class<T> type) {
            Object state = changed.get(kind).get(subject);
            return state != null ? type.cast(state) : states.load(kind, subject, type);
        }

        void publishState(Kind kind, String topic, EventMessage<?> cause, RegistryEvent event, Object state) {
            String subject = event.subject();
            changed.get(kind).put(subject, state);
            ProducerRecord<String, byte[]> record = mapper.state(topic, cause.getIdentifier(), subject,
                    cause.getTimestamp(), state);
            requireStorable(record.value(), subject);
            states.save(kind, subject, record.value());
            send(record, null);
        }

        /** Fails at once when an earlier send already failed (the broker is gone), instead of blocking on each. */
        void send(ProducerRecord<String, byte[]> record, Instant committed) {
            Future<RecordMetadata> send = producer.get().send(record, (metadata, failure) -> {
                if (failure == null && committed != null) {
                    lag.record(Duration.between(committed, Instant.now()));
                }
            });
            sends.add(send);
            if (send.isDone()) {
                await(send, 0);
            }
        }

        void commit() {
            long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
            for (Future<RecordMetadata> send : sends) {
                await(send, deadline - System.nanoTime());
            }
            if (!pause.isZero()) {
                log.info("Kafka feed resumed");
            }
            pause = Duration.ZERO;
        }

        private void await(Future<RecordMetadata> send, long nanos) {
            try {
                send.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(e);
            } catch (ExecutionException | TimeoutException e) {
                throw failed(e);
            }
        }
    }

    /**
     * PostgreSQL's jsonb takes only well-formed UTF-8 without NUL: a state it would refuse at the batch's commit (after
     * the batch was sent) is found here, before anything of its event is sent, and halts the feed (FeedHalt).
     */
    private static void requireStorable(byte[] json, String subject) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("The state of " + subject + " is not well-formed UTF-8", e);
        }
        if (new String(json, StandardCharsets.ISO_8859_1).contains("\\u0000")) {
            throw new IllegalStateException("The state of " + subject + " holds a NUL character");
        }
    }

    private FeedUnavailableException failed(Exception cause) {
        producer.discard();
        pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
        Throwable reason = cause.getCause() == null ? cause : cause.getCause();
        log.warn("Kafka feed paused: {}; retrying from the last acknowledged event in {} ms", reason, pause.toMillis());
        return new FeedUnavailableException("The broker did not take the batch (" + reason + "); it will be retried");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
