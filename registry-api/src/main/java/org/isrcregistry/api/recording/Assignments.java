package org.isrcregistry.api.recording;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.config.AxonConfiguration;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.AssignIsrcs;
import org.isrcregistry.core.prefix.RegistrationOutcome;
import org.isrcregistry.core.recording.RecordingDetails;
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
 * decided again as a whole ({@link RegistryCommands}). The batch's answers wait for the read models once, and read
 * their states with one query, while the worker goes on with the next batch.
 */
@Component
class Assignments {

    private final RegistryCommands commands;
    private final RecordingStates states;
    private final int maxBatch;
    private final ConcurrentMap<PrefixCode, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(new CustomizableThreadFactory("assign-"));

    Assignments(RegistryCommands commands, RecordingStates states,
                @Value("${registry.assignment.max-batch:200}") int maxBatch) {
        this.commands = commands;
        this.states = states;
        this.maxBatch = maxBatch;
    }

    /**
     * Assigns the prefix's next ISRC to the recording, with this request's actor and correlation id; answers once the
     * read models show it.
     *
     * @throws org.isrcregistry.core.rule.RegistryRuleException if refused, for this request or for the whole prefix
     */
    RecordingResponse assign(PrefixCode prefix, RecordingDetails recording) {
        Waiting waiting = new Waiting(new AssignIsrcs.Request(recording, Map.of(
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
                List<RegistrationOutcome> outcomes = commands.send(
                        new AssignIsrcs(prefix, batch.stream().map(Waiting::request).toList()),
                        (String) first.get(AxonConfiguration.ACTOR), (String) first.get(AxonConfiguration.CORRELATION_ID));
                workers.execute(() -> answer(batch, outcomes));
            } catch (RuntimeException | Error failed) {
                batch.forEach(request -> request.outcome().completeExceptionally(failed));
            }
        }
    }

    private void answer(List<Waiting> batch, List<RegistrationOutcome> outcomes) {
        try {
            Map<Isrc, RecordingState> assigned = states.after(outcomes.stream().map(RegistrationOutcome::isrc)
                    .filter(Objects::nonNull).toList());
            for (int i = 0; i < batch.size(); i++) {
                RegistrationOutcome outcome = outcomes.get(i);
                if (outcome.refusal() != null) {
                    batch.get(i).outcome().completeExceptionally(outcome.refusal());
                } else {
                    Isrc isrc = outcome.isrc();
                    batch.get(i).outcome().complete(new RecordingResponse(isrc, isrc.display(),
                            outcome.possibleDuplicates(), assigned.get(isrc)));
                }
            }
        } catch (RuntimeException | Error failed) {
            batch.forEach(request -> request.outcome().completeExceptionally(failed));
        }
    }
}
