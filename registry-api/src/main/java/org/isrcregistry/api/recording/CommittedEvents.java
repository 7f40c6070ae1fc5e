package org.isrcregistry.api.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The events the commands sent by this thread committed, so that an answer can be built from them: no read of the
 * event store, no wait for a read model. Subscribed to the event store like the lookups, it sees each unit of work's
 * events as they are appended and passes them on only once the transaction has committed: the events of an attempt
 * that rolled back (and was decided again) are never seen. Axon's {@code SimpleCommandBus} handles a command on the
 * thread that sends it. The events are passed on as the event store holds them: their timestamps to the millisecond,
 * so that what is folded from them equals what the read models and the event store show later.
 */
@Component
class CommittedEvents implements Consumer<List<? extends EventMessage<?>>> {

    /** What a command returned, and the events it committed, in order. */
    record Sent<R>(R result, List<DomainEventMessage<?>> events) {
    }

    private final ThreadLocal<List<DomainEventMessage<?>>> capturing = new ThreadLocal<>();

    CommittedEvents(EventStore eventStore) {
        eventStore.subscribe(this);
    }

    <R> Sent<R> send(Supplier<R> command) {
        List<DomainEventMessage<?>> committed = new ArrayList<>();
        capturing.set(committed);
        try {
            return new Sent<>(command.get(), committed);
        } finally {
            capturing.remove();
        }
    }

    @Override
    public void accept(List<? extends EventMessage<?>> events) {
        List<DomainEventMessage<?>> committed = capturing.get();
        if (committed != null && CurrentUnitOfWork.isStarted()) {
            List<DomainEventMessage<?>> stored = events.stream().filter(DomainEventMessage.class::isInstance)
                    .<DomainEventMessage<?>>map(event -> asStored((DomainEventMessage<?>) event)).toList();
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> committed.addAll(stored));
        }
    }

    /** The event with its timestamp as the JDBC event store writes it ({@link DateTimeUtils#formatInstant}). */
    private static <T> DomainEventMessage<T> asStored(DomainEventMessage<T> event) {
        Instant stored = DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(event.getTimestamp()));
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event, stored);
    }
}
