package org.isrcregistry.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.ErrorKind;
import org.isrcregistry.projections.ReadModels;
import org.isrcregistry.projections.rebuild.ReadModelRebuilds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency's operations on the read models: their progress, rebuilding one from the event store, and the events
 * parked in the dead-letter queue. The API stays up throughout; a read model being rebuilt shows fewer rows until it
 * catches up.
 */
@RestController
@RequestMapping("/v1/admin")
@Tag(name = "Administration", description = "Read models: progress, rebuild, dead letters")
public class ProjectionAdminController {

    private final EventProcessingConfiguration processing;
    private final ReadModelRebuilds rebuilds;

    ProjectionAdminController(EventProcessingConfiguration processing, ReadModelRebuilds rebuilds) {
        this.processing = processing;
        this.rebuilds = rebuilds;
    }

    /**
     * A read model's processor: running, replaying, the lowest position among its segments, and its latest rebuild
     * (null if none since the registry started).
     */
    public record ProjectionStatus(String name, boolean running, boolean replaying, Long position, long deadLetters,
                                   ReadModelRebuilds.Progress rebuild) {
    }

    /**
     * An event parked by a read model, with the kind of failure; the log has the details under the event's id
     * (DeadLetterLog), never this page: they may hold SQL.
     */
    public record DeadLetterView(String projection, String sequence, String eventId, String eventType,
                                 Instant eventTime, ErrorKind errorKind, Instant enqueuedAt, Instant lastTouched) {
    }

    public record RetryResult(String projection, int sequencesRetried, long deadLettersLeft) {
    }

    @GetMapping("/projections")
    @Operation(summary = "Every read model with its progress and its number of dead letters")
    public List<ProjectionStatus> projections() {
        return ReadModels.ALL.stream().map(this::status).toList();
    }

    /**
     * Rebuilds the read model from the event store in the background (see {@link ReadModelRebuilds}): it keeps serving
     * reads from its current tables until the rebuilt ones replace them. Progress in {@code rebuild} of its status.
     */
    @PostMapping("/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a read model from the event store, without stopping the API")
    public ProjectionStatus rebuild(@PathVariable String name) {
        processor(name);
        start(List.of(name));
        return status(name);
    }

    /** Rebuilds every read model in one pass over the event store. */
    @PostMapping("/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every read model in one pass over the event store, without stopping the API")
    public List<ProjectionStatus> rebuildAll() {
        start(ReadModels.ALL);
        return projections();
    }

    private void start(List<String> names) {
        if (!rebuilds.start(names)) {
            throw new RegistryRuleException(RegistryRuleException.Kind.CONFLICT, "name",
                    "a rebuild of " + names + " is already running",
                    "Wait until its rebuild.state in GET /v1/admin/projections is DONE or FAILED.");
        }
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Events the read models could not apply, parked with the rest of their sequence")
    public List<DeadLetterView> deadLetters() {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String name : ReadModels.ALL) {
            processing.deadLetterQueue(name).ifPresent(queue -> queue.deadLetters().forEach(sequence ->
                    sequence.forEach(letter -> letters.add(view(name, letter)))));
        }
        return letters;
    }

    /** Processes each parked sequence again (after the cause has been fixed); those that fail again stay parked. */
    @PostMapping("/dead-letters/{name}/retry")
    @Operation(summary = "Retry a read model's dead letters")
    public RetryResult retry(@PathVariable String name) {
        processor(name);
        long sequences = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        int retried = 0;
        var retrier = processing.sequencedDeadLetterProcessor(name);
        for (long i = 0; i < sequences && retrier.isPresent() && retrier.get().processAny(); i++) {
            retried++;
        }
        return new RetryResult(name, retried, deadLetterCount(name));
    }

    private ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        Long position = segments.values().stream()
                .map(s -> s.getCurrentPosition().orElse(-1))
                .min(Long::compare).orElse(null);
        return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(), position,
                deadLetterCount(name), rebuilds.progress(name).orElse(null));
    }

    private long deadLetterCount(String name) {
        return processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    private StreamingEventProcessor processor(String name) {
        if (!ReadModels.ALL.contains(name)) {
            throw new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "name",
                    "'" + name + "' is not a read model", "Use one of " + ReadModels.ALL + ".");
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static DeadLetterView view(String name, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        ErrorKind kind = letter.cause().map(c -> ErrorKind.ofType(c.type())).orElse(null);
        String sequence = message instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : null;
        return new DeadLetterView(name, sequence, message.getIdentifier(), message.getPayloadType().getSimpleName(),
                message.getTimestamp(), kind, letter.enqueuedAt(), letter.lastTouched());
    }
}
