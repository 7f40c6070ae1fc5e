package org.isrcregistry.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * N clients, each sending its next request as soon as the previous one is answered, for a fixed time: the most a
 * system does at that concurrency. Latency is each request's own service time (no schedule to fall behind).
 */
final class ClosedLoop {

    /** One client's next request; an exception counts as an error. */
    interface Call {
        void call() throws Exception;
    }

    interface Client extends AutoCloseable {
        Call next();

        @Override
        default void close() throws Exception {
        }
    }

    record Outcome(long calls, long errors, double seconds, Histogram latency, Throwable firstError) {

        double perSecond() {
            return calls / seconds;
        }
    }

    private ClosedLoop() {
    }

    static Outcome run(int clients, Duration duration, IntFunction<Client> clientFactory) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        inThreads(clients, "client-", id -> {
            Histogram histogram = latencies.part();
            return () -> {
                try (Client client = clientFactory.apply(id)) {
                    while (System.nanoTime() < end) {
                        Call call = client.next();
                        long t0 = System.nanoTime();
                        try {
                            call.call();
                            Latencies.record(histogram, System.nanoTime() - t0);
                            calls.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                }
            };
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(calls.get(), errors.get(), seconds, latencies.merged(), firstError.get());
    }

    /** Runs {@code count} threads, the i-th doing what {@code work} gives for i, and waits for all of them. */
    static void inThreads(int count, String name, IntFunction<Runnable> work) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(work.apply(i), name + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
