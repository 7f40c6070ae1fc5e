package org.isrcregistry.projections.feed;

import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.isrcregistry.core.event.RegistryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Republishes every event, from the first to the head of the store when the replay starts, to the events topic or to
 * another topic, exactly as the feed published them (same key, same {@code ce_id}). A one-off reader of the event
 * store with a producer of its own: no processor's token moves, no read model is touched, the live feed goes on.
 */
public class FeedReplay {

    /** Kafka's legal topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Logger log = LoggerFactory.getLogger(FeedReplay.class);

    private final Supplier<EventStorageEngine> storage;
    private final JdbcTemplate jdbc;
    private final Supplier<Producer<String, CloudEvent>> producers;
    private final CloudEventMapper mapper;
    private final FeedTopics topics;
    private final KafkaFeedProperties properties;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kafka-feed-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Status> status = new AtomicReference<>();

    FeedReplay(Supplier<EventStorageEngine> storage, JdbcTemplate jdbc, Supplier<Producer<String, CloudEvent>> producers,
               CloudEventMapper mapper, FeedTopics topics, KafkaFeedProperties properties) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.producers = producers;
        this.mapper = mapper;
        this.topics = topics;
        this.properties = properties;
    }

    /**
     * A replay's progress. {@code head} is the last event it republishes (the head of the store when it started).
     *
     * @param state           {@code RUNNING}, {@code DONE} or {@code FAILED} (with {@code error})
     * @param eventsPerSecond from the first event read to the last one acknowledged by the broker
     */
    public record Status(String topic, String state, long head, long published, Instant startedAt,
                         Instant finishedAt, Long eventsPerSecond, String error) {

        public boolean running() {
            return "RUNNING".equals(state);
        }

        Status progress(long published) {
            return new Status(topic, state, head, published, startedAt, null, null, null);
        }

        /** {@code nanos}: from the first event read to the last one acknowledged. */
        Status finished(long published, long nanos, String error) {
            return new Status(topic, error == null ? "DONE" : "FAILED", head, published, startedAt, Instant.now(),
                    published * 1_000_000_000L / Math.max(1, nanos), error);
        }
    }

    /** Refused when the topic is not a legal Kafka topic name, or while another replay runs. */
    public static class RefusedException extends RuntimeException {

        private final boolean conflict;

        RefusedException(String message, boolean conflict) {
            super(message);
            this.conflict = conflict;
        }

        /** True: another replay is running; false: the topic name is not legal. */
        public boolean conflict() {
            return conflict;
        }
    }

    /** Starts a replay to {@code topic} (null: the events topic) and answers at once. */
    public synchronized Status start(String topic) {
        String target = topic == null || topic.isBlank() ? properties.eventsTopic() : topic.strip();
        if (!TOPIC.matcher(target).matches() || target.equals(".") || target.equals("..")) {
            throw new RefusedException("a Kafka topic name is 1 to 249 letters, digits, '.', '_' or '-'", false);
        }
        if (target.equals(properties.recordingsTopic()) || target.equals(properties.prefixesTopic())) {
            throw new RefusedException(target + " is a state topic; events go to the events topic or a new one",
                    false);
        }
        Status current = status.get();
        if (current != null && current.running()) {
            throw new RefusedException("a replay to " + current.topic() + " is running", true);
        }
        Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        Status started = new Status(target, "RUNNING", head, 0, Instant.now(), null, null, null);
        status.set(started);
        runner.execute(() -> run(started));
        return started;
    }

    /** The last replay's status; null if none ran since start-up. */
    public Status status() {
        return status.get();
    }

    private void run(Status started) {
        long published = 0;
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Producer<String, CloudEvent> producer = producers.get();
             Stream<? extends TrackedEventMessage<?>> events = storage.get().readEvents(null, false)) {
            topics.ensureEventsTopic(started.topic());
            start = System.nanoTime();
            var iterator = events.iterator();
            while (iterator.hasNext() && failure.get() == null) {
                TrackedEventMessage<?> message = iterator.next();
                if (message.trackingToken().position().orElse(Long.MAX_VALUE) > started.head()) {
                    break;
                }
                if (message.getPayload() instanceof RegistryEvent event) {
                    @SuppressWarnings("unchecked")
                    CloudEvent value = mapper.event((TrackedEventMessage<RegistryEvent>) message);
                    producer.send(new ProducerRecord<>(started.topic(), event.subject(), value), (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    if (++published % 10_000 == 0) {
                        status.set(started.progress(published));
                    }
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        Exception error = failure.get();
        Status finished = started.finished(published, System.nanoTime() - start,
                error == null ? null : error.toString());
        status.set(finished);
        log.info("Replay to {}: {} events, {} events/s{}", finished.topic(), published, finished.eventsPerSecond(),
                error == null ? "" : ", failed: " + error);
    }
}
