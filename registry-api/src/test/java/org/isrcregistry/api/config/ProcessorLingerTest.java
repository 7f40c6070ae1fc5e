package org.isrcregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

/** A small batch pauses its processor once, after it committed; a large one (a catch-up) and a failed one do not. */
class ProcessorLingerTest {

    private final AtomicInteger pauses = new AtomicInteger();
    private final AtomicInteger handledBeforePause = new AtomicInteger(-1);
    private final AtomicInteger handled = new AtomicInteger();
    private final MessageHandlerInterceptor<EventMessage<?>> linger = ProcessorLinger.afterSmallBatches(100,
            () -> {
                handledBeforePause.compareAndSet(-1, handled.get());
                pauses.incrementAndGet();
            });

    @Test
    void aSmallBatchPausesOnceAfterItsCommit() throws Exception {
        process(10, false);
        assertThat(pauses).hasValue(1);
        assertThat(handledBeforePause).as("every event handled before the pause").hasValue(10);
    }

    @Test
    void aLargeBatchGoesOnAtOnce() throws Exception {
        process(100, false);
        assertThat(handled).hasValue(100);
        assertThat(pauses).hasValue(0);
    }

    @Test
    void aBatchThatRolledBackDoesNotPause() {
        assertThatThrownBy(() -> process(10, true)).isInstanceOf(IllegalStateException.class);
        assertThat(pauses).hasValue(0);
    }

    private void process(int size, boolean fail) throws Exception {
        List<EventMessage<?>> events = IntStream.range(0, size)
                .<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        var result = batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(linger), message -> {
            handled.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("the handler failed");
            }
            return null;
        }).proceed());
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }
}
