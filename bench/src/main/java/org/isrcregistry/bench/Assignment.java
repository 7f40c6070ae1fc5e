package org.isrcregistry.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Assignments ({@code POST /v1/prefixes/{prefix}/recordings}) through the HTTP API: N clients, each assigning the next code as soon as it has its last one. */
final class Assignment {

    private final Http http;

    Assignment(Http http) {
        this.http = http;
    }

    record Run(ClosedLoop.Outcome outcome, List<String> codes, List<String> prefixes) {
    }

    /** Registers the prefixes (an existing one, from an earlier run on the same registry, is fine). */
    void registerPrefixes(List<String> prefixes) {
        for (String prefix : prefixes) {
            Http.Response response = Skip.unlessRouted(
                    http.postJson(RegistryApi.PREFIXES, RegistryApi.registerPrefix(RegistryApi.display(prefix))),
                    "POST " + RegistryApi.PREFIXES);
            if (!response.ok() && response.status() != 409) {
                throw new IllegalStateException("Registering " + prefix + ": HTTP " + response.status() + " "
                        + response.body());
            }
        }
    }

    /** One request first, so a missing endpoint skips the scenario instead of counting as errors. */
    void probe(String prefix) {
        Skip.unlessRouted(http.postJson(RegistryApi.assign(prefix), RegistryApi.recordingMetadata("Probe " + prefix)),
                "POST " + RegistryApi.assign(prefix)).require("Assigning a first code under " + prefix);
    }

    Run run(List<String> prefixes, int clients, Duration duration) throws InterruptedException {
        ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
        String run = Long.toString(System.nanoTime(), 36);
        ClosedLoop.Outcome outcome = ClosedLoop.run(clients, duration, id -> new ClosedLoop.Client() {
            private long n;

            @Override
            public ClosedLoop.Call next() {
                String prefix = prefixes.get(ThreadLocalRandom.current().nextInt(prefixes.size()));
                String title = "Bench " + run + " client " + id + " take " + n++;
                return () -> {
                    Http.Response response = http.postJson(RegistryApi.assign(prefix),
                            RegistryApi.recordingMetadata(title));
                    if (response.status() != 201) {
                        throw new IllegalStateException("HTTP " + response.status() + " " + response.body());
                    }
                    codes.add(RegistryApi.assignedIsrc(response.body()));
                };
            }
        });
        return new Run(outcome, new ArrayList<>(codes), prefixes);
    }

    /** Every code distinct, under one of the prefixes, one per answered request, and each found by a lookup. */
    String verify(Run run, int sample, int threads) throws InterruptedException {
        List<String> codes = run.codes();
        Set<String> distinct = new HashSet<>(codes);
        if (distinct.size() != codes.size()) {
            throw new IllegalStateException((codes.size() - distinct.size()) + " codes were assigned twice");
        }
        if (codes.size() != run.outcome().calls()) {
            throw new IllegalStateException(run.outcome().calls() + " answered requests but " + codes.size() + " codes");
        }
        for (String code : codes) {
            if (code.length() != 12 || !run.prefixes().contains(code.substring(0, 5))) {
                throw new IllegalStateException("Code " + code + " is not under the prefixes asked for");
            }
        }
        List<String> checked = sample(codes, sample);
        lookUpAll(http, checked, threads);
        return "%,d codes distinct, under their prefixes; %,d of them found by GET".formatted(codes.size(),
                checked.size());
    }

    static List<String> sample(List<String> codes, int sample) {
        if (codes.size() <= sample) {
            return codes;
        }
        List<String> shuffled = new ArrayList<>(codes);
        Collections.shuffle(shuffled);
        return shuffled.subList(0, sample);
    }

    /** GETs every code, concurrently; each must answer 200 with that code. */
    static void lookUpAll(Http http, List<String> codes, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong missing = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String code : codes) {
                done.add(pool.submit(() -> {
                    Http.Response response = http.get(RegistryApi.recording(code));
                    if (response.status() != 200 || !code.equals(RegistryApi.lookedUpIsrc(response.body()).orElse(""))) {
                        missing.incrementAndGet();
                        if (failures.size() < 3) {
                            failures.add(code + ": HTTP " + response.status() + " " + response.body());
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Looking codes up failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (missing.get() > 0) {
            throw new IllegalStateException(missing.get() + " of " + codes.size() + " codes not found by GET, e.g. "
                    + failures);
        }
    }
}
