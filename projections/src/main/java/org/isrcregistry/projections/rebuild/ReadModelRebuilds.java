package org.isrcregistry.projections.rebuild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.isrcregistry.projections.EventStoreHead;
import org.isrcregistry.projections.ErrorKind;
import org.isrcregistry.projections.ReadModel;
import org.isrcregistry.projections.jdbc.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Rebuilds read models without taking them down: ONE pass over the event store, shared by every read model being
 * rebuilt, applies each event with the read model's own {@link ReadModel#apply} into shadow tables (COPY, no
 * secondary indexes), builds the indexes, then - with the read models' processors stopped for the last events - swaps
 * the tables and sets each processor's token to the position the rebuild reached, in one transaction. The live
 * processors keep the old tables current until the swap and continue from that position after it, so no event is
 * missed or applied twice. Events a read model cannot apply are parked in its dead-letter queue, as its processor
 * would.
 */
public class ReadModelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

    /** Events per transaction on the shadow tables. */
    static final int BATCH = 5_000;

    /** Connections writing the shadow tables at once: a table per read model, about. */
    static final int WRITERS = 4;

    /** Phases of a rebuild, as {@code GET /v1/admin/projections} shows them. */
    public enum State { LOADING, INDEXING, SWAPPING, DONE, FAILED }

    /**
     * A rebuild's progress: position is the global index of the last event applied to the shadow tables; error, of a
     * failed one, its kind and the id under which the log has the details.
     */
    public record Progress(List<String> readModels, State state, long head, long position, long events,
                           Instant startedAt, Instant finishedAt, String error) {
    }

    private final EventStorageEngine store;
    private final Transactions transactions;
    private final JdbcTemplate jdbc;
    private final Map<String, ReadModel> models = new LinkedHashMap<>();
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    public ReadModelRebuilds(EventStorageEngine store, DataSource dataSource, PlatformTransactionManager transactions,
                             Collection<ReadModel> models, EventProcessingConfiguration processing,
                             TokenStore tokens) {
        this.store = store;
        this.transactions = new Transactions(dataSource, transactions);
        this.jdbc = this.transactions.jdbc;
        models.forEach(model -> this.models.put(model.name(), model));
        this.processing = processing;
        this.tokens = tokens;
    }

    /** Starts rebuilding {@code names} in the background, in one pass; false if one of them is being rebuilt. */
    public synchronized boolean start(List<String> names) {
        if (names.stream().map(runs::get).anyMatch(run -> run != null && !run.finished())) {
            return false;
        }
        long head = EventStoreHead.of(store);
        Run run = new Run(List.copyOf(names), head);
        names.forEach(name -> runs.put(name, run));
        Thread thread = new Thread(() -> execute(run), "rebuild-" + String.join("+", names));
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** The latest rebuild of this read model, if any since the registry started. */
    public Optional<Progress> progress(String name) {
        return Optional.ofNullable(runs.get(name)).map(Run::progress);
    }

    private void execute(Run run) {
        List<ReadModel> rebuilt = run.readModels.stream().map(models::get).toList();
        Map<Table, ShadowTable> shadows = new LinkedHashMap<>();
        // Writers: a connection per table being written or index being built, so PostgreSQL works on them at once.
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        Pass pass = null;
        try {
            for (ReadModel model : rebuilt) {
                for (Table table : model.tables()) {
                    shadows.put(table, ShadowTable.create(jdbc, table));
                }
            }
            pass = new Pass(rebuilt, shadows, run, writers);
            long started = System.nanoTime();
            pass.to(null);
            long loaded = System.nanoTime();
            run.state = State.INDEXING;
            CompletableFuture.allOf(shadows.values().stream().flatMap(shadow -> shadow.indexStatements().stream())
                    .map(statement -> CompletableFuture.runAsync(() -> transactions.run(connection -> {
                        jdbc.execute("SET LOCAL maintenance_work_mem = '128MB'");
                        jdbc.execute(statement);
                    }), writers)).toArray(CompletableFuture[]::new)).join();
            shadows.values().forEach(shadow -> shadow.keyed(jdbc));
            long indexed = System.nanoTime();
            // Events stored while indexing, then the last ones with the live processors stopped.
            pass.to(pass.token);
            run.state = State.SWAPPING;
            List<StreamingEventProcessor> processors = run.readModels.stream()
                    .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                    .toList();
            CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                    .toArray(CompletableFuture[]::new)).join();
            try {
                pass.to(pass.token);
                Pass finalPass = pass;
                transactions.run(connection -> {
                    jdbc.execute("SET LOCAL lock_timeout = '30s'");
                    shadows.values().forEach(shadow -> shadow.swap(jdbc));
                    for (ReadModel model : rebuilt) {
                        continueFrom(model.name(), finalPass.token);
                        parkDeadLetters(model.name(), finalPass.deadLetters(model.name()));
                    }
                });
            } finally {
                processors.forEach(StreamingEventProcessor::start);
            }
            run.finish(State.DONE, null);
            log.info("Rebuilt {} from {} events up to {}: loaded in {} ms, indexed in {} ms, swapped in {} ms",
                    run.readModels, run.events, run.position, (loaded - started) / 1_000_000,
                    (indexed - loaded) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            log.error("Rebuild of {} failed (error {})", run.readModels, errorId, e);
            run.finish(State.FAILED, ErrorKind.of(e).withId(errorId));
            shadows.values().forEach(shadow -> {
                try {
                    shadow.drop(jdbc);
                } catch (RuntimeException dropFailed) {
                    e.addSuppressed(dropFailed);
                }
            });
        } finally {
            if (pass != null) {
                pass.close();
            }
            writers.shutdown();
        }
    }

    /** Every segment of the (stopped) processor continues after {@code token}: claimed, stored, released. */
    private void continueFrom(String processor, TrackingToken token) {
        if (token == null) {
            return;
        }
        for (int segment : tokens.fetchSegments(processor)) {
            tokens.fetchToken(processor, segment);
            tokens.storeToken(token, processor, segment);
            tokens.releaseClaim(processor, segment);
        }
    }

    private void parkDeadLetters(String name, Map<Object, List<DeadLetter<EventMessage<?>>>> letters) {
        processing.deadLetterQueue(name).ifPresent(queue -> {
            queue.clear();
            letters.forEach((sequence, sequenceLetters) -> sequenceLetters.forEach(l -> queue.enqueue(sequence, l)));
        });
    }

    /**
     * Reading the store in order, each batch applied by every read model being rebuilt at once (each on a thread of
     * its own, into rows of its own), while the next batch is read and the previous one is written.
     */
    private final class Pass {

        final List<Applier> appliers;
        final Run run;
        final ExecutorService threads;
        CompletableFuture<Void> applied = CompletableFuture.completedFuture(null);
        TrackingToken token;

        Pass(List<ReadModel> readModels, Map<Table, ShadowTable> shadows, Run run, ExecutorService writers) {
            this.appliers = readModels.stream().map(model -> new Applier(model, new BulkRows(shadows, transactions,
                    writers))).toList();
            this.run = run;
            this.threads = Executors.newFixedThreadPool(readModels.size());
        }

        /** Applies every event after {@code from} (null: from the start) up to the end of the store. */
        void to(TrackingToken from) {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(from, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                while (iterator.hasNext()) {
                    batch.add(iterator.next());
                    if (batch.size() == BATCH || !iterator.hasNext()) {
                        submit(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                }
            }
            applied.join();
            appliers.forEach(applier -> applier.rows.written());
        }

        /** Once the previous batch is applied (its rows being written), every read model applies this one. */
        private void submit(List<TrackedEventMessage<?>> batch) {
            applied.join();
            TrackingToken last = batch.get(batch.size() - 1).trackingToken();
            applied = CompletableFuture.allOf(appliers.stream()
                    .map(applier -> CompletableFuture.runAsync(() -> applier.apply(batch), threads))
                    .toArray(CompletableFuture[]::new)).thenRun(() -> {
                        token = last;
                        run.position = last.position().orElseThrow();
                        run.events += batch.size();
                    });
        }

        void close() {
            threads.shutdown();
        }

        Map<Object, List<DeadLetter<EventMessage<?>>>> deadLetters(String name) {
            return appliers.stream().filter(applier -> applier.model.name().equals(name)).findFirst().orElseThrow()
                    .deadLetters;
        }
    }

    /** One read model's part of a pass: its rows and the sequences it parked. */
    private record Applier(ReadModel model, BulkRows rows, Map<Object, List<DeadLetter<EventMessage<?>>>> deadLetters) {

        Applier(ReadModel model, BulkRows rows) {
            this(model, rows, new LinkedHashMap<>());
        }

        void apply(List<TrackedEventMessage<?>> batch) {
            for (TrackedEventMessage<?> event : batch) {
                apply(event, event.trackingToken().position().orElseThrow());
            }
            rows.flush();
        }

        /** As the live processor's dead-letter queue: a failed event parks its sequence, later events join it. */
        private void apply(TrackedEventMessage<?> event, long position) {
            Object sequence = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                    : event.getIdentifier();
            List<DeadLetter<EventMessage<?>>> letters = deadLetters.get(sequence);
            if (letters != null) {
                letters.add(new GenericDeadLetter<>(sequence, event));
                return;
            }
            try {
                model.apply(event, position, rows);
            } catch (RuntimeException e) {
                deadLetters.computeIfAbsent(sequence, s -> new ArrayList<>())
                        .add(new GenericDeadLetter<>(sequence, event, e));
            }
        }
    }

    /** One rebuild; fields written by its thread, read by status requests. */
    private static final class Run {

        final List<String> readModels;
        final long head;
        final Instant startedAt = Instant.now();
        volatile State state = State.LOADING;
        volatile long position = -1;
        volatile long events;
        volatile Instant finishedAt;
        volatile String error;

        Run(List<String> readModels, long head) {
            this.readModels = readModels;
            this.head = head;
        }

        boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        void finish(State end, String failure) {
            error = failure;
            finishedAt = Instant.now();
            state = end;
        }

        Progress progress() {
            return new Progress(readModels, state, head, position, events, startedAt, finishedAt, error);
        }
    }
}
