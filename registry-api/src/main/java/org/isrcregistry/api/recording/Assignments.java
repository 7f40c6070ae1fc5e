package org.isrcregistry.api.recording;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.config.AxonConfiguration;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.AssignIsrcs;
import org.isrcregistry.core.prefix.RegistrationOutcome;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.projections.recording.RecordingState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Gathers concurrent assignment requests for the same prefix into one {@link AssignIsrcs} command, so that N
 * requests waiting together cost one load of the prefix, one query per set-based rule and one transaction (one WAL
 * flush) instead of N, each of which would wait for the one before on the prefix. A prefix with requests waiting has
 * one worker, which sends what is waiting (up to {@code registry.assignment.max-batch}) as soon as the previous batch
 * has committed; a lone request is sent at once. The prefix decides each request as it would alone, and each gets its
 * own outcome; its events carry its own actor and correlation id. A batch that loses a race with another node is
 * decided again as a whole ({@link RegistryCommands}). The answers are built from the events the batch committed,
 * without waiting for the read models.
 */
@Component
class Assignments {

    private final RegistryCommands commands;
    private final CommittedEvents committed;
    private final RecordingStates states;
    private final int maxBatch;
    private final ConcurrentMap<PrefixCode, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(new CustomizableThreadFactory("assign-"));

    Assignments(RegistryCommands commands, CommittedEvents committed, RecordingStates states,
                @Value("${registry.assignment.max-batch:200}") int maxBatch) {
        this.commands = commands;
        this.committed = committed;
        this.states = states;
        this.maxBatch = maxBatch;
    }

    /**
     * Assigns the prefix's next ISRC to the recording (for the client, under an ISRC Manager's prefix), with this request's actor and correlation id; answers as soon
     * as it has committed, with the recording's state folded from the events committed (the read models catch up
     * after; {@code GET /v1/recordings/{isrc}} folds the event store until they have).
     *
     * @throws org.isrcregistry.core.rule.RegistryRuleException if refused, for this request or for the whole prefix
     */
    RecordingResponse assign(PrefixCode prefix, RecordingDetails recording, ClientId client) {
        Waiting waiting = new Waiting(new AssignIsrcs.Request(recording, client, Map.of(
                AxonConfiguration.ACTOR, RegistryCommands.actor(),
                AxonConfiguration.CORRELATION_ID, RegistryCommands.correlationId())));
        lanes.computeIfAbsent(prefix, Lane::new).add(waiting);
        try {
            return waiting.outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the assignment was being decided", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    private record Waiting(AssignIsrcs.Request request, CompletableFuture<RecordingResponse> outcome) {

        Waiting(AssignIsrcs.Request request) {
            this(request, new CompletableFuture<>());
        }
    }

    /** The requests waiting for one prefix, and whether a worker is sending them. */
    private final class Lane {

        private final PrefixCode prefix;
        private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean working = new AtomicBoolean();

        Lane(PrefixCode prefix) {
            this.prefix = prefix;
        }

        void add(Waiting request) {
            waiting.add(request);
            if (working.compareAndSet(false, true)) {
                workers.execute(this::work);
            }
        }

        private void work() {
            do {
                for (List<Waiting> batch = take(); !batch.isEmpty(); batch = take()) {
                    send(batch);
                }
                working.set(false);
                // A request added after the last take but before the flag was cleared found the worker busy.
            } while (!waiting.isEmpty() && working.compareAndSet(false, true));
        }

        private List<Waiting> take() {
            List<Waiting> batch = new ArrayList<>();
            for (Waiting next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            return batch;
        }

        private void send(List<Waiting> batch) {
            try {
                Map<String, ?> first = batch.get(0).request().metaData();
                CommittedEvents.Sent<List<RegistrationOutcome>> sent = committed.send(() -> commands.send(
                        new AssignIsrcs(prefix, batch.stream().map(Waiting::request).toList()),
                        (String) first.get(AxonConfiguration.ACTOR), (String) first.get(AxonConfiguration.CORRELATION_ID)));
                answer(batch, sent.result(), sent.events());
            } catch (RuntimeException | Error failed) {
                batch.forEach(request -> request.outcome().completeExceptionally(failed));
            }
        }
    }

    /** Each request's answer, with its recording's state folded from the events its batch committed. */
    private void answer(List<Waiting> batch, List<RegistrationOutcome> outcomes, List<DomainEventMessage<?>> events) {
        Map<String, List<DomainEventMessage<?>>> streams = events.stream()
                .collect(Collectors.groupingBy(DomainEventMessage::getAggregateIdentifier));
        for (int i = 0; i < batch.size(); i++) {
            RegistrationOutcome outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                batch.get(i).outcome().completeExceptionally(outcome.refusal());
                continue;
            }
            Isrc isrc = outcome.isrc();
            RecordingState state = RecordingState.fold(streams.getOrDefault(isrc.value(), List.of()))
                    .orElseGet(() -> states.folded(isrc));
            batch.get(i).outcome().complete(new RecordingResponse(isrc, isrc.display(), outcome.possibleDuplicates(),
                    state));
        }
    }
}
