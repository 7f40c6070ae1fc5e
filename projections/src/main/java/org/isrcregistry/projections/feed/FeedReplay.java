package org.isrcregistry.projections.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.isrcregistry.core.event.RegistryEvent;
import org.isrcregistry.projections.EventStoreHead;
import org.isrcregistry.core.event.RestrictedEvent;
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

    /** Events per query, from the store's primary key: no long transaction, no cursor held open. */
    private static final int PAGE = 5_000;
    private static final String PAGE_QUERY = """
            SELECT globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, payloadtype,
                   payloadrevision, payload, metadata
            FROM domainevententry WHERE globalindex > ? AND globalindex <= ? ORDER BY globalindex LIMIT ?""";

    private final Serializer serializer;
    private final Supplier<EventUpcaster> upcasters;
    private final JdbcTemplate jdbc;
    private final EventStorageEngine store;
    private final Supplier<Producer<String, byte[]>> producers;
    private final CloudEventMapper mapper;
    private final FeedTopics topics;
    private final KafkaFeedProperties properties;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kafka-feed-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Status> status = new AtomicReference<>();

    FeedReplay(Serializer serializer, Supplier<EventUpcaster> upcasters, EventStorageEngine store, JdbcTemplate jdbc,
               Supplier<Producer<String, byte[]>> producers, CloudEventMapper mapper, FeedTopics topics,
               KafkaFeedProperties properties) {
        this.store = store;
        this.serializer = serializer;
        this.upcasters = upcasters;
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
        long head = EventStoreHead.of(store);
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
        AtomicLong published = new AtomicLong();
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Producer<String, byte[]> producer = producers.get()) {
            topics.ensureEventsTopic(started.topic());
            start = System.nanoTime();
            Map<String, Optional<StoredType>> types = new HashMap<>();
            long after = -1;
            while (after < started.head() && failure.get() == null) {
                List<ProducerRecord<String, byte[]>> page = new ArrayList<>(PAGE);
                after = jdbc.query(PAGE_QUERY, rows -> {
                    long last = -1;
                    while (rows.next()) {
                        last = rows.getLong("globalindex");
                        ProducerRecord<String, byte[]> record = record(rows, types, started.topic());
                        if (record != null) {
                            page.add(record);
                        }
                    }
                    return last;
                }, after, started.head(), PAGE);
                if (after < 0) {
                    break;
                }
                for (ProducerRecord<String, byte[]> record : page) {
                    producer.send(record, (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                status.set(started.progress(published.addAndGet(page.size())));
            }
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        Exception error = failure.get();
        Status finished = started.finished(published.get(), System.nanoTime() - start,
                error == null ? null : error.toString());
        status.set(finished);
        log.info("Replay to {}: {} events, {} events/s{}", finished.topic(), published.get(),
                finished.eventsPerSecond(), error == null ? "" : ", failed: " + error);
    }

    /**
     * The message of one stored event, exactly as the live feed publishes it; null for a payload that is not a
     * public registry event. An event stored in its class's current revision is published from its columns as they are: the
     * key and {@code ce_subject} are its stream (a recording's stream is its ISRC, a prefix's its code: the events'
     * subject), the JSON is the stored one. An older revision goes through Axon's upcasters, as the live feed reads it.
     */
    private ProducerRecord<String, byte[]> record(ResultSet row, Map<String, Optional<StoredType>> types, String topic)
            throws SQLException {
        String payloadType = row.getString("payloadtype");
        Optional<StoredType> type = types.computeIfAbsent(payloadType, StoredType::of);
        if (type.isEmpty()) {
            return null;
        }
        String revision = row.getString("payloadrevision");
        if (Objects.equals(revision, type.get().revision())) {
            return mapper.record(topic, row.getString("eventidentifier"), type.get().ceType(),
                    row.getString("aggregateidentifier"), row.getString("timestamp"), row.getBytes("payload"));
        }
        var stored = new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong("globalindex")),
                new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregateidentifier"),
                        row.getLong("sequencenumber"), row.getString("eventidentifier"), row.getString("timestamp"),
                        payloadType, revision, row.getBytes("payload"), row.getBytes("metadata")));
        try (Stream<TrackedEventMessage<?>> upcast = EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(stored),
                serializer, upcasters.get())) {
            TrackedEventMessage<?> message = upcast.findFirst().orElseThrow();
            return mapper.event(topic, message, (RegistryEvent) message.getPayload());
        }
    }

    /** A stored payload type that is a public registry event, with its current revision and {@code ce_type}. */
    private record StoredType(String revision, String ceType) {

        static Optional<StoredType> of(String className) {
            try {
                Class<?> type = Class.forName(className, false, RegistryEvent.class.getClassLoader());
                if (!RegistryEvent.class.isAssignableFrom(type) || RestrictedEvent.class.isAssignableFrom(type)) {
                    // Registrant data goes to the restricted topic only, never to the events topic or a replay of it.
                    return Optional.empty();
                }
                Revision revision = type.getAnnotation(Revision.class);
                return Optional.of(new StoredType(revision == null ? null : revision.value(),
                        CloudEventMapper.typeOf(type)));
            } catch (ClassNotFoundException unknown) {
                return Optional.empty();
            }
        }
    }
}
