package org.isrcregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the registry's used heap twice a second through Actuator ({@code jvm.memory.used}, area heap) for the whole
 * run: the overall maximum, and the maximum since the last {@link #window()} for each scenario.
 */
final class HeapSampler implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong windowMax = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(Http http) {
        this.http = http;
        this.thread = new Thread(this::run, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                Http.Response response = http.get(RegistryApi.HEAP_USED);
                if (response.ok()) {
                    JsonNode value = JSON.readTree(response.body()).path("measurements").path(0).path("value");
                    long used = value.asLong();
                    max.accumulateAndGet(used, Math::max);
                    windowMax.accumulateAndGet(used, Math::max);
                    samples.incrementAndGet();
                }
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample under load is not a failure of the registry
            }
        }
    }

    /** The maximum used heap (MiB) since the previous call, and starts a new window. */
    double window() {
        return mib(windowMax.getAndSet(0));
    }

    double maxMib() {
        return mib(max.get());
    }

    long samples() {
        return samples.get();
    }

    private static double mib(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
