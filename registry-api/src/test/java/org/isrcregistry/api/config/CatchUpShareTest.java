package org.isrcregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

/** Large batches take turns; small ones (a processor that is up to date) never wait. */
class CatchUpShareTest {

    private final Semaphore permits = new Semaphore(1, true);
    private final MessageHandlerInterceptor<EventMessage<?>> turns = CatchUpShare.turns(permits, 100);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Test
    void largeBatchesRunOneAtATimeAndGiveTheirTurnBackWhenDone() {
        List<CompletableFuture<Void>> batches = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(() -> process(100, () -> sleep(1)))).toList();
        batches.forEach(CompletableFuture::join);
        assertThat(mostAtOnce).hasValue(1);
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void aSmallBatchDoesNotWaitForTheTurnALargeOneHolds() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> large = CompletableFuture.runAsync(() -> process(100, () -> {
            holding.countDown();
            await(release);
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> small = CompletableFuture.runAsync(() -> process(10, () -> { }));
        small.get(5, TimeUnit.SECONDS);
        assertThat(permits.availablePermits()).isZero();
        release.countDown();
        large.get(5, TimeUnit.SECONDS);
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    /** A batch of {@code size} events, each handled through the interceptor by {@code handle}. */
    private void process(int size, Runnable handle) {
        List<EventMessage<?>> events = IntStream.range(0, size)
                .<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        try {
            batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(turns), message -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    handle.run();
                } finally {
                    running.decrementAndGet();
                }
                return null;
            }).proceed());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
