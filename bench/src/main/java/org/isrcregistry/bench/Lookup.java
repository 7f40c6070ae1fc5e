package org.isrcregistry.bench;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * {@code GET /v1/recordings/{isrc}} at a fixed rate over the catalogue. Request i is due at start + i / rate; a pool
 * of threads takes the requests in order and each latency is measured from the request's due time, not from when
 * it was sent, so a stall delays (and counts against) every request due meanwhile: corrected for coordinated
 * omission. Every answer must be 200 with the code asked for.
 */
final class Lookup {

    private final Http http;

    Lookup(Http http) {
        this.http = http;
    }

    record Run(long requests, long wrong, double seconds, double achievedRate, Histogram latency, Histogram service,
               String firstWrong) {
    }

    Run run(int rate, Duration duration, int threads, long catalogueSize, LongFunction<String> isrcAt)
            throws InterruptedException {
        Latencies latency = new Latencies();
        Latencies service = new Latencies();
        AtomicLong next = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicReference<String> firstWrong = new AtomicReference<>();
        long total = rate * duration.toMillis() / 1000;
        double interval = 1e9 / rate;
        long start = System.nanoTime() + 50_000_000;
        ClosedLoop.inThreads(threads, "lookup-", t -> {
            Histogram fromDue = latency.part();
            Histogram own = service.part();
            return () -> {
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + (long) (i * interval);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String isrc = isrcAt.apply(ThreadLocalRandom.current().nextLong(catalogueSize));
                    long sent = System.nanoTime();
                    try {
                        Http.Response response = http.get(RegistryApi.recording(isrc));
                        if (response.status() != 200
                                || !isrc.equals(RegistryApi.lookedUpIsrc(response.body()).orElse(""))) {
                            wrong.incrementAndGet();
                            firstWrong.compareAndSet(null, isrc + ": HTTP " + response.status() + " " + response.body());
                        }
                    } catch (RuntimeException e) {
                        wrong.incrementAndGet();
                        firstWrong.compareAndSet(null, isrc + ": " + e);
                    }
                    long done = System.nanoTime();
                    Latencies.record(fromDue, done - due);
                    Latencies.record(own, done - sent);
                }
            };
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(total, wrong.get(), seconds, total / seconds, latency.merged(), service.merged(),
                firstWrong.get());
    }
}
