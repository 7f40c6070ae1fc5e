package org.isrcregistry.projections.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;

/**
 * The Kafka feed halts, visibly, at an event it cannot publish (a poison event: one that cannot be read, folded or
 * written as JSON, however often it is tried), rather than skip it (the topics promise every committed event, in order
 * per key) or resend its batch for ever. Halted, it sends nothing more: {@code kafka} is DOWN in
 * {@code /actuator/health} naming the event and the reason, the gauge {@code registry.feed.halted} is 1, and the
 * halt is logged once at ERROR with an id to look up. An operator makes the event readable (an upcaster) and restarts
 * the node; the feed resumes from its last acknowledged event. See docs/kafka.md ("A poison event").
 *
 * <p>The broker being away or the database failing for a moment is not poison: those batches are retried.
 */
public class FeedHalt implements ListenerInvocationErrorHandler, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(FeedHalt.class);

    /** Where the feed stopped, and why. */
    public record Poison(String errorId, String eventId, String eventType, String reason, Instant at) {
    }

    private final AtomicReference<Poison> poison = new AtomicReference<>();

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler)
            throws Exception {
        if (isPoison(exception)) {
            halt(event, exception);
        }
        throw exception;
    }

    public Optional<Poison> poison() {
        return Optional.ofNullable(poison.get());
    }

    /** Thrown instead of starting a batch while halted: nothing is sent again. */
    void refuseWhileHalted() {
        Poison halted = poison.get();
        if (halted != null) {
            throw new FeedUnavailableException("The feed is halted at event " + halted.eventId() + " (error "
                    + halted.errorId() + "); make it readable and restart the node");
        }
    }

    /** For tests that have removed the poison event they planted: the feed resumes at its next retry. */
    public void resume() {
        poison.set(null);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("registry.feed.halted", () -> poison.get() == null ? 0 : 1)
                .description("1 while the Kafka feed is halted at an event it cannot publish (see /actuator/health)")
                .register(registry);
    }

    private void halt(EventMessage<?> event, Exception exception) {
        Poison halted = new Poison(UUID.randomUUID().toString(), event.getIdentifier(), event.getPayloadType().getName(),
                reason(exception), Instant.now());
        if (poison.compareAndSet(null, halted)) {
            log.error("Kafka feed HALTED at event {} ({}), error id {}: it cannot be published: {}. Nothing after it"
                    + " is published until it is made readable and the node restarted (docs/kafka.md).",
                    halted.eventId(), halted.eventType(), halted.errorId(), halted.reason(), exception);
        }
    }

    private static boolean isPoison(Exception exception) {
        return !(exception instanceof FeedUnavailableException) && !(exception instanceof TransientDataAccessException)
                && !(exception instanceof InterruptedException);
    }

    private static String reason(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
