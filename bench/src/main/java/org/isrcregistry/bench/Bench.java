package org.isrcregistry.bench;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The benchmark: starts the registry (or uses the given one), runs each scenario, checks what it measured, prints a
 * table and writes {@code bench/results/latest.json}. See bench/README.md.
 */
public final class Bench {

    private static final int VERIFY_THREADS = 16;
    /** How long a wait takes at most when the run has no time limit ({@code --run-budget=0}): "as long as it takes". */
    private static final Duration UNBOUNDED_WAIT = Duration.ofHours(3);
    /** What the look-ups need of the run: a 5 s warm-up, 30 s measured, checks. */
    private static final Duration LOOKUP = Duration.ofSeconds(45);
    /** Load before the Kafka lag is measured (see {@link #warmUpFeed}). */
    private static final Duration FEED_WARM_UP = Duration.ofSeconds(5);
    /** The least a rebuild is started with. */
    private static final Duration REBUILD = Duration.ofSeconds(60);
    private static final Duration LOOKUP_AND_REBUILD = LOOKUP.plus(REBUILD);

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.parse(args);
        Results results = run(config);
        System.out.println(results.table());
        results.write(config.output());
        say("Wrote %s", config.output().toAbsolutePath());
        System.exit(results.anyFailed() ? 1 : 0);
    }

    public static Results run(BenchConfig config) throws Exception {
        Results results = new Results(config.describe(), !config.quick());
        long deadline = config.runBudget().isZero() ? Long.MAX_VALUE
                : System.nanoTime() + config.runBudget().toNanos();
        RegistryProcess registry = config.startsRegistry() ? RegistryProcess.start(config) : null;
        try {
            Target target = registry != null ? registry.target()
                    : new Target(config.registryUrl(), config.token(), config.jdbcUrl(), config.jdbcUser(),
                            config.jdbcPassword(), config.kafkaBootstrap());
            Http http = new Http(target.baseUrl(), target.token());
            try (HeapSampler heap = new HeapSampler(http)) {
                new Bench(config, target, http, heap, results, registry, deadline).runScenarios();
                results.figure("registry heap, most used during the run", heap.maxMib(), "MiB", 1024.0, false);
            }
        } finally {
            if (registry != null) {
                registry.close();
                if (registry.jfr() != null) {
                    results.profile(Profile.hotMethods(registry.jfr(), 20), Profile.busiestThreads(registry.jfr(), 15),
                            registry.jfr().toString());
                }
            }
        }
        return results;
    }

    static void say(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + format.formatted(args));
    }

    private final BenchConfig config;
    private final Target target;
    private final Http http;
    private final HeapSampler heap;
    private final Results results;
    private final RegistryProcess registry;
    private final long runDeadline;
    private CatalogueSeeder.Catalogue catalogue;
    private final CpuUse cpu;

    private Bench(BenchConfig config, Target target, Http http, HeapSampler heap, Results results,
                  RegistryProcess registry, long runDeadline) {
        this.registry = registry;
        this.cpu = new CpuUse(registry == null ? -1 : registry.pid());
        this.runDeadline = runDeadline;
        this.config = config;
        this.target = target;
        this.http = http;
        this.heap = heap;
        this.results = results;
    }

    private interface Body {
        String run(Map<String, Object> details) throws Exception;
    }

    private void scenario(String name, Body body) {
        if (!config.runs(name)) {
            return;
        }
        say("Scenario %s", name);
        heap.window();
        Map<String, Object> details = new LinkedHashMap<>();
        Results.Outcome outcome;
        String message;
        try {
            if (registry != null && !registry.alive()) {
                throw new IllegalStateException("the registry process is gone (exit " + registry.exitValue()
                        + "); its log: " + registry.log());
            }
            message = body.run(details);
            outcome = Results.Outcome.OK;
        } catch (Skip skip) {
            outcome = Results.Outcome.SKIPPED;
            message = skip.getMessage();
        } catch (Exception | AssertionError e) {
            outcome = Results.Outcome.FAILED;
            message = e.toString() + (e.getCause() == null ? "" : " caused by " + e.getCause());
            e.printStackTrace(System.out);
        }
        details.put("heapMaxMiB", heap.window());
        say("  %s: %s", outcome, message);
        results.outcome(name, outcome, message, details);
    }

    private void runScenarios() {
        List<String> onePrefix = Prefixes.codes('A', 1);
        List<String> spread = Prefixes.codes('B', config.prefixes());
        Map<String, Double> baselineRate = new LinkedHashMap<>();

        scenario("baseline", details -> {
            requireJdbc();
            Baseline baseline = new Baseline(target);
            StringBuilder checked = new StringBuilder();
            for (List<String> prefixes : List.of(onePrefix, spread)) {
                String mode = mode(prefixes);
                CpuUse.Sample cpuFrom = cpu.sample();
                Baseline.Run run = baseline.run(prefixes, config.clients(), config.assignDuration());
                cpu.report(results, "baseline, " + mode, cpuFrom, cpu.sample(), run.outcome().calls(), "code");
                failOnErrors(run.outcome());
                checked.append(mode).append(": ").append(baseline.verify(run)).append("; ");
                throughput("baseline (plain JDBC) assignment, " + mode, run.outcome(), details);
                baselineRate.put(mode, run.outcome().perSecond());
            }
            return checked.toString();
        });

        scenario("assign", details -> {
            Assignment assignment = new Assignment(http);
            StringBuilder checked = new StringBuilder();
            for (List<String> prefixes : List.of(onePrefix, spread)) {
                String mode = mode(prefixes);
                assignment.registerPrefixes(prefixes);
                assignment.probe(prefixes.get(0));
                CpuUse.Sample cpuFrom = cpu.sample();
                Assignment.Run run = assignment.run(prefixes, config.clients(), config.assignDuration());
                cpu.report(results, "registry assignment, " + mode, cpuFrom, cpu.sample(), run.outcome().calls(),
                        "code");
                failOnErrors(run.outcome());
                checked.append(mode).append(": ")
                        .append(assignment.verify(run, config.verifySample(), VERIFY_THREADS)).append("; ");
                throughput("registry assignment, " + mode, run.outcome(), details);
                Double baseline = baselineRate.get(mode);
                if (baseline != null) {
                    results.figure("assignment, " + mode + ", registry / baseline", run.outcome().perSecond() / baseline,
                            "ratio", prefixes.size() == 1 ? 1.0 : null, true);
                }
            }
            return checked.toString();
        });

        scenario("kafka", details -> {
            PublicationLag sinceStart = PublicationLag.scrape(http);
            if (registry != null && sinceStart.count() > 0) {
                // The scenarios before this one (`assign`) were the registry's first load: a cold start.
                details.put("ackLagSinceStart", sinceStart.summary());
                results.figure("Kafka lag commit-to-broker-ack p99, earlier scenarios (cold start)",
                        sinceStart.quantile(0.99) * 1000, "ms");
            }
            Assignment assignment = new Assignment(http);
            assignment.registerPrefixes(spread);
            assignment.probe(spread.get(0));
            try (KafkaLag lag = new KafkaLag(requireKafka())) {
                warmUpFeed(assignment, spread);
                PublicationLag acknowledgedBefore = PublicationLag.scrape(http);
                lag.measureFromNow();
                Assignment.Run run = assignment.run(spread, config.clients(), config.kafkaDuration());
                failOnErrors(run.outcome());
                String checked = lag.awaitAll(run.codes(), Duration.ofSeconds(60));
                lag.close();
                PublicationLag acknowledged = awaitAcknowledged(acknowledgedBefore, lag.messages());
                details.put("assignedPerSecond", run.outcome().perSecond());
                details.put("ackLag", acknowledged.summary());
                results.figure("Kafka lag commit-to-broker-ack p50 (registry's timer)",
                        acknowledged.quantile(0.5) * 1000, "ms");
                results.figure("Kafka lag commit-to-broker-ack p99 (registry's timer)",
                        acknowledged.quantile(0.99) * 1000, "ms", 1000.0, false);
                results.figure("events acknowledged more than 1 s after their commit",
                        acknowledged.laterThan(1.0), "events");
                Histogram h = lag.lag();
                details.put("lag", Latencies.summary(h));
                details.put("lagUntilSent", Latencies.summary(lag.untilSent()));
                details.put("lagAfterSent", Latencies.summary(lag.afterSent()));
                results.figure("Kafka lag commit-to-consumer p50, while assigning", Latencies.ms(h.getValueAtPercentile(50)),
                        "ms");
                results.figure("Kafka lag commit-to-consumer p99, while assigning", Latencies.ms(h.getValueAtPercentile(99)),
                        "ms");
                results.figure("Kafka lag p99, commit to the feed's send (in the registry)",
                        Latencies.ms(lag.untilSent().getValueAtPercentile(99)), "ms");
                results.figure("Kafka lag p99, the feed's send to the consumer",
                        Latencies.ms(lag.afterSent().getValueAtPercentile(99)), "ms");
                results.figure("assignments during the Kafka lag run, 50 prefixes", run.outcome().perSecond(), "codes/s");
                return checked;
            }
        });

        scenario("import", details -> {
            BulkImport bulk = new BulkImport(http);
            List<String> prefix = Prefixes.codes('I', 1);
            Assignment assignment = new Assignment(http);
            assignment.registerPrefixes(prefix);
            List<String> codes = BulkImport.codes(prefix.get(0), config.importRows());
            CpuUse.Sample cpuFrom = cpu.sample();
            BulkImport.Run run = bulk.run(prefix.get(0), codes);
            cpu.report(results, "bulk import", cpuFrom, cpu.sample(), run.rows(), "row");
            details.put("rows", run.rows());
            details.put("seconds", run.seconds());
            results.figure("bulk import (NDJSON, " + String.format("%,d", run.rows()) + " rows), until COMPLETED",
                    run.rows() / run.seconds(), "rows/s", 50_000.0, true);
            // The import completes on the command side; its rows reach the read models after. Checked once there.
            requireJdbc();
            try (Connection connection = target.connect()) {
                Processors.CaughtUp visible = Processors.await(connection, Tokens.maxGlobalIndex(connection),
                        System.nanoTime(), bound(config.quick() ? 60 : 180),
                        name -> !name.equals(Processors.FEED), false);
                double untilVisible = run.seconds() + visible.slowest();
                details.put("secondsUntilReadModels", untilVisible);
                results.figure("bulk import, until every row is in the read models", run.rows() / untilVisible,
                        "rows/s");
            }
            return bulk.verify(run, Math.min(config.verifySample(), 5_000), VERIFY_THREADS);
        });

        scenario("catalogue", details -> {
            requireJdbc();
            try (Connection connection = target.connect()) {
                long before = Tokens.maxGlobalIndex(connection);
                long started = System.nanoTime();
                CatalogueSeeder.Seeded seeded = new CatalogueSeeder().seed(connection, config.catalogue(),
                        config.cataloguePrefixes(), config.catalogueTransfers());
                catalogue = seeded.catalogue();
                long after = Tokens.maxGlobalIndex(connection);
                details.put("recordings", seeded.catalogue().size());
                details.put("events", seeded.events());
                details.put("seedSeconds", seeded.seconds());
                results.figure("catalogue seed into the event store (" + String.format("%,d", seeded.events())
                        + " events)", seeded.events() / seeded.seconds(), "events/s");
                lookUpDuringCatchUp(details);
                // Every streaming processor, the Kafka feed included: the lookups that follow must have the
                // catalogue in the read models, and must not share the machine with a catch-up still running.
                Processors.CaughtUp caughtUp = Processors.await(connection, after, started,
                        bound(config.quick() ? 120 : 240, LOOKUP_AND_REBUILD), name -> true, false);
                double elapsed = (System.nanoTime() - started) / 1e9;
                details.put("catchUpSeconds", caughtUp.seconds());
                Map<String, Tokens.Position> positions = Tokens.positions(connection);
                for (Map.Entry<String, Double> processor : caughtUp.seconds().entrySet()) {
                    if (!processor.getKey().equals(Processors.FEED)) {
                        results.figure("catch-up of read model " + processor.getKey() + " after the seed",
                                (after - before) / processor.getValue(), "events/s");
                    }
                }
                Tokens.Position feed = positions.get(Processors.FEED);
                if (feed != null) {
                    long published = Math.max(0, Math.min(after, feed.index()) - before);
                    Double feedSeconds = caughtUp.seconds().get(Processors.FEED);
                    details.put("feedPublishedDuringCatchUp", published);
                    // From the start of the seed, alongside the read models: issue 5's republication figure is
                    // the replay scenario's.
                    results.figure("Kafka feed catch-up on the seeded events"
                                    + (feedSeconds == null ? " (still behind)" : ""),
                            published / (feedSeconds == null ? elapsed : feedSeconds), "events/s");
                }
                String seededText = "%,d recordings (%,d events) over %d prefixes".formatted(seeded.catalogue().size(),
                        seeded.events(), seeded.catalogue().prefixes().size());
                for (String late : caughtUp.late()) {
                    if (!late.equals(Processors.FEED)) {
                        // Behind at the deadline is a slow figure, not a wrong one: its rate so far. The lookups,
                        // which need every recording in the read model, will then find codes missing and fail.
                        long done = Math.max(0, positions.get(late).index() - before);
                        results.figure("catch-up of read model " + late + " after the seed (still behind)",
                                done / elapsed, "events/s");
                    }
                }
                if (!caughtUp.late().isEmpty()) {
                    return seededText + "; " + caughtUp.late() + " still behind after %.0f s: %s"
                            .formatted(elapsed, positions);
                }
                return seededText + "; every read model and the Kafka feed reached the last event in %.1f s"
                        .formatted(caughtUp.slowest());
            }
        });

        scenario("lookup", details -> {
            if (catalogue == null) {
                throw new Skip("needs the catalogue scenario in the same run");
            }
            requireJdbc();
            try (Connection connection = target.connect()) {
                long last = Tokens.maxGlobalIndex(connection);
                Processors.CaughtUp readModels = Processors.await(connection, last, System.nanoTime(),
                        bound(240, LOOKUP), name -> !name.equals(Processors.FEED), false);
                if (!readModels.late().isEmpty()) {
                    throw new Skip("read models " + readModels.late() + " had not caught up on the catalogue within "
                            + "the run's time (" + processorsBehind() + "): codes would be missing");
                }
                Duration vacuumBound = Duration.ofSeconds(config.quick() ? 10 : 300);
                double vacuumed = Autovacuum.awaitQuiet(connection,
                        bound(300, LOOKUP).compareTo(vacuumBound) < 0 ? bound(300, LOOKUP) : vacuumBound);
                details.put("autovacuumWaitSeconds", vacuumed);
                results.figure("wait for PostgreSQL's autovacuum after the seed, before the look-ups", vacuumed, "s");
            }
            List<String> sample = CatalogueSeeder.codesOf(catalogue, 200);
            Skip.unlessRouted(http.get(RegistryApi.recording(sample.get(0))), "GET /v1/recordings/{isrc}");
            Assignment.lookUpAll(http, sample, VERIFY_THREADS);
            String behind = processorsBehind();
            // Look-ups are public: sent without a token, as the public sends them.
            Lookup lookup = new Lookup(http.anonymous());
            lookup.run(config.lookupRate(), Duration.ofSeconds(config.quick() ? 1 : 5), config.lookupThreads(),
                    catalogue.size(), catalogue::isrc);
            CpuUse.Sample cpuFrom = cpu.sample();
            Lookup.Run run = lookup.run(config.lookupRate(), config.lookupDuration(), config.lookupThreads(),
                    catalogue.size(), catalogue::isrc);
            cpu.report(results, "lookup at " + config.lookupRate() + "/s", cpuFrom, cpu.sample(), run.requests(),
                    "look-up");
            if (run.wrong() > 0) {
                throw new IllegalStateException(run.wrong() + " wrong answers, e.g. " + run.firstWrong());
            }
            details.put("latencyFromDueTime", Latencies.summary(run.latency()));
            details.put("serviceTime", Latencies.summary(run.service()));
            details.put("achievedRate", run.achievedRate());
            String over = "at " + config.lookupRate() + "/s over " + String.format("%,d", catalogue.size());
            results.figure("lookup p50 " + over, Latencies.ms(run.latency().getValueAtPercentile(50)), "ms");
            results.figure("lookup p99 " + over, Latencies.ms(run.latency().getValueAtPercentile(99)), "ms", 5.0, false);
            results.figure("lookup max " + over, Latencies.ms(run.latency().getMaxValue()), "ms");
            return "%,d lookups at %.0f/s, every one 200 with the code asked for%s".formatted(run.requests(),
                    run.achievedRate(), behind.isEmpty() ? "" : "; measured while " + behind + " still caught up");
        });

        scenario("console", details -> {
            if (catalogue == null) {
                throw new Skip("needs the catalogue scenario in the same run");
            }
            // The target: pages rendered in under 100 ms at the median over the catalogue. Four clients, a
            // warm-up first (Thymeleaf parses and caches each template on its first use).
            ConsolePages console = new ConsolePages(http.baseUrl(), target.token());
            Duration warmUp = Duration.ofSeconds(config.quick() ? 2 : 5);
            Duration measured = Duration.ofSeconds(config.quick() ? 3 : 15);
            int clients = 4;
            console.recordingPages(clients, warmUp, catalogue.size(), catalogue::isrc);
            console.searches(clients, warmUp, catalogue.size(), catalogue::isrc);
            ClosedLoop.Outcome pages = console.recordingPages(clients, measured, catalogue.size(), catalogue::isrc);
            ClosedLoop.Outcome searches = console.searches(clients, measured, catalogue.size(), catalogue::isrc);
            ClosedLoop.Outcome api = console.apiLookups(clients, measured, catalogue.size(), catalogue::isrc);
            for (ClosedLoop.Outcome outcome : List.of(pages, searches, api)) {
                if (outcome.errors() > 0) {
                    throw new IllegalStateException(outcome.errors() + " wrong pages, e.g. " + outcome.firstError());
                }
            }
            details.put("recordingPage", Latencies.summary(pages.latency()));
            details.put("search", Latencies.summary(searches.latency()));
            details.put("apiLookupBaseline", Latencies.summary(api.latency()));
            double page50 = Latencies.ms(pages.latency().getValueAtPercentile(50));
            double search50 = Latencies.ms(searches.latency().getValueAtPercentile(50));
            double api50 = Latencies.ms(api.latency().getValueAtPercentile(50));
            results.figure("console recording page p50, 4 clients", page50, "ms", 100.0, false);
            results.figure("console search page p50, 4 clients", search50, "ms", 100.0, false);
            results.figure("API look-up p50, same loop (baseline)", api50, "ms");
            return "%,d recording pages (p50 %.1f ms, p99 %.1f ms) and %,d searches (p50 %.1f ms, p99 %.1f ms); the API's"
                    .formatted(pages.calls(), page50, Latencies.ms(pages.latency().getValueAtPercentile(99)),
                            searches.calls(), search50, Latencies.ms(searches.latency().getValueAtPercentile(99)))
                    + " JSON look-up of the same codes p50 %.1f ms: every page 200 with its code".formatted(api50);
        });

        scenario("compliance", details -> {
            if (catalogue == null) {
                throw new Skip("needs the catalogue scenario in the same run");
            }
            requireJdbc();
            try (Connection connection = target.connect()) {
                // The reports are measured over the whole catalogue, so their read model must hold all of it.
                Processors.CaughtUp caughtUp = Processors.await(connection, Tokens.maxGlobalIndex(connection),
                        System.nanoTime(), bound(300, REBUILD), "compliance"::equals, false);
                if (!caughtUp.late().isEmpty()) {
                    throw new Skip("the compliance read model had not caught up on the catalogue: "
                            + processorsBehind());
                }
            }
            return new ComplianceReports(http, results).run(catalogue, details);
        });

        scenario("scale", details -> {
            if (catalogue == null) {
                throw new Skip("needs the catalogue scenario in the same run");
            }
            requireJdbc();
            try (Connection connection = target.connect()) {
                Processors.CaughtUp readModels = Processors.await(connection, Tokens.maxGlobalIndex(connection),
                        System.nanoTime(), bound(240, REBUILD), name -> !name.equals(Processors.FEED), false);
                if (!readModels.late().isEmpty()) {
                    throw new Skip("read models " + readModels.late() + " had not caught up on the catalogue: "
                            + processorsBehind());
                }
            }
            return new Scale(http, results).run(catalogue, config.quick(), details);
        });

        scenario("agency", details -> {
            if (catalogue == null) {
                throw new Skip("needs the catalogue scenario in the same run");
            }
            requireJdbc();
            AgencyListings agency = new AgencyListings(http, results);
            AgencyListings.Seeded seeded;
            try (Connection connection = target.connect()) {
                // Issue 13's size: 10,000 registrants and 20,000 prefixes, the catalogue's among them.
                seeded = agency.seed(connection, config.quick() ? 200 : 10_000,
                        (config.quick() ? 400 : 20_000) - catalogue.prefixes().size());
                details.put("seedSeconds", seeded.seconds());
                Processors.CaughtUp caughtUp = Processors.await(connection, Tokens.maxGlobalIndex(connection),
                        System.nanoTime(), bound(180, REBUILD), name -> !name.equals(Processors.FEED), false);
                if (!caughtUp.late().isEmpty()) {
                    throw new Skip("the read models had not caught up on the seeded registrants: "
                            + processorsBehind());
                }
            }
            return agency.measure(seeded, catalogue.prefixes().get(0), details);
        });

        scenario("replay", details -> {
            requireJdbc();
            requireMinuteLeft(REBUILD);
            long events;
            try (Connection connection = target.connect()) {
                events = Tokens.publicEventCount(connection);
            }
            // Issue 5: republication of the whole history, to a topic of its own so no consumer sees it twice.
            String topic = "isrc-registry.bench-replay-" + System.currentTimeMillis();
            long started = System.nanoTime();
            Skip.unlessRouted(http.postJson(RegistryApi.FEED_REPLAY, RegistryApi.replayTo(topic)),
                    "POST " + RegistryApi.FEED_REPLAY).require("Replay");
            long deadline = System.nanoTime() + bound(config.quick() ? 120 : 240, REBUILD).toNanos();
            RegistryApi.Replay replay;
            do {
                Thread.sleep(200);
                replay = RegistryApi.Replay.of(http.get(RegistryApi.FEED_REPLAY).require("Replay status").body());
            } while (replay.running() && System.nanoTime() < deadline);
            double seconds = (System.nanoTime() - started) / 1e9;
            details.put("topic", topic);
            details.put("status", replay);
            if (replay.running()) {
                return "not done within the run's time: %,d of %,d events published".formatted(replay.published(),
                        replay.head());
            }
            if (!replay.done() || replay.published() < events) {
                throw new IllegalStateException("replay ended " + replay + " with " + events + " public events in the store");
            }
            long onTopic = KafkaLag.messagesIn(requireKafka(), topic);
            if (onTopic != replay.published()) {
                throw new IllegalStateException("the replay reported " + replay.published() + " events published but "
                        + topic + " holds " + onTopic + " messages");
            }
            results.figure("Kafka republication of the whole history (" + String.format("%,d", replay.published())
                    + " events, until every send is acknowledged)", replay.published() / seconds, "events/s",
                    20_000.0, true);
            return "%,d events republished to %s, all of them on the topic".formatted(replay.published(), topic);
        });

        scenario("rebuild", details -> {
            requireJdbc();
            try (Connection connection = target.connect()) {
                long events = Tokens.eventCount(connection);
                long last = Tokens.maxGlobalIndex(connection);
                List<String> projections = RegistryApi.projectionNames(Skip.unlessRouted(
                        http.get(RegistryApi.PROJECTIONS), "GET " + RegistryApi.PROJECTIONS).require("Projections").body());
                requireMinuteLeft(Duration.ZERO);
                // One request rebuilds every read model in one pass over the store; each is done when its rebuild
                // says so (the rebuilt tables swapped in) and its processor is at the last event.
                long started = System.nanoTime();
                http.postJson(RegistryApi.PROJECTIONS + "/rebuild", "", Duration.ofMinutes(1))
                        .require("Rebuilding " + projections);
                Processors.CaughtUp caughtUp = Processors.awaitRebuilt(http, RegistryApi.PROJECTIONS, projections,
                        last, started, bound(config.quick() ? 120 : 300));
                details.put("events", events);
                if (!caughtUp.late().isEmpty()) {
                    // Slow, not wrong: the run's time ran out first (as for a catch-up still behind).
                    return "not rebuilt within the run's time: " + caughtUp.late() + ": "
                            + http.get(RegistryApi.PROJECTIONS).body();
                }
                details.put("seconds", caughtUp.seconds());
                results.figure("projection rebuild (" + String.format("%,d", events) + " events)",
                        events / caughtUp.slowest(), "events/s", 50_000.0, true);
                return "read models " + caughtUp.seconds().keySet() + " rebuilt up to event " + last;
            }
        });
    }

    /**
     * Public look-ups of the codes just seeded while the read models catch up on them (as after a restore or a
     * rebuild): the registry must still answer, and answer fast, from the event store until their rows are there.
     */
    private void lookUpDuringCatchUp(Map<String, Object> details) throws InterruptedException {
        Lookup lookup = new Lookup(http.anonymous());
        Lookup.Run run = lookup.run(config.lookupRate(), Duration.ofSeconds(config.quick() ? 3 : 15),
                config.lookupThreads(), catalogue.size(), catalogue::isrc);
        if (run.wrong() > 0) {
            throw new IllegalStateException("during the catch-up: " + run.wrong() + " wrong answers, e.g. "
                    + run.firstWrong());
        }
        details.put("lookupDuringCatchUp", Latencies.summary(run.latency()));
        details.put("lookupDuringCatchUpServiceTime", Latencies.summary(run.service()));
        String over = "at " + config.lookupRate() + "/s, during the catch-up on the seeded catalogue";
        results.figure("lookup p50 " + over, Latencies.ms(run.latency().getValueAtPercentile(50)), "ms");
        results.figure("lookup p99 " + over, Latencies.ms(run.latency().getValueAtPercentile(99)), "ms");
        results.figure("lookups answered per second " + over, run.achievedRate(), "req/s");
        results.figure("lookup service time p50 " + over, Latencies.ms(run.service().getValueAtPercentile(50)), "ms");
    }

    private void throughput(String name, ClosedLoop.Outcome outcome, Map<String, Object> details) {
        Histogram h = outcome.latency();
        results.figure(name + ", " + config.clients() + " clients", outcome.perSecond(), "codes/s");
        results.figure(name + ", p50", Latencies.ms(h.getValueAtPercentile(50)), "ms");
        results.figure(name + ", p99", Latencies.ms(h.getValueAtPercentile(99)), "ms");
        results.figure(name + ", max", Latencies.ms(h.getMaxValue()), "ms");
        Map<String, Object> summary = Latencies.summary(h);
        summary.put("perSecond", outcome.perSecond());
        details.put(name, summary);
    }

    /** Skips a scenario that would start with less than a minute of the run left, after {@code keep}. */
    private void requireMinuteLeft(Duration keep) {
        if (bound(60, keep).toSeconds() < 60) {
            throw new Skip("less than a minute left of the run's " + config.runBudget().toSeconds() + " s");
        }
    }

    /** At most {@code seconds}, and never past the run's deadline (with no deadline, {@link #UNBOUNDED_WAIT}). */
    private Duration bound(int seconds) {
        return bound(seconds, Duration.ZERO);
    }

    /** At most {@code seconds}, leaving {@code keep} of the run's time for what follows. */
    private Duration bound(int seconds, Duration keep) {
        if (runDeadline == Long.MAX_VALUE) {
            return UNBOUNDED_WAIT;
        }
        long left = runDeadline - System.nanoTime() - (config.quick() ? 0 : keep.toNanos());
        return Duration.ofNanos(Math.max(0, Math.min(Duration.ofSeconds(seconds).toNanos(), left)));
    }

    /** The streaming processors not yet at the store's last event, e.g. "kafka-feed (at 1,225,000 of 2,000,020)". */
    private String processorsBehind() throws java.sql.SQLException {
        if (target.jdbcUrl() == null) {
            return "";
        }
        try (Connection connection = target.connect()) {
            long last = Tokens.maxGlobalIndex(connection);
            return Tokens.positions(connection).entrySet().stream()
                    .filter(p -> !p.getValue().reached(last))
                    .map(p -> "%s (at %,d of %,d)".formatted(p.getKey(), p.getValue().index(), last))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    private static String mode(List<String> prefixes) {
        return prefixes.size() == 1 ? "one prefix" : prefixes.size() + " prefixes";
    }

    private static void failOnErrors(ClosedLoop.Outcome outcome) {
        if (outcome.errors() > 0) {
            throw new IllegalStateException(outcome.errors() + " of " + (outcome.calls() + outcome.errors())
                    + " requests failed, first: " + outcome.firstError(), outcome.firstError());
        }
    }

    /**
     * The registry's commit-to-ack timer since {@code before}, once it counted at least the events the consumer saw
     * (the producer's callback, which records it, may run just after the consumer already has the message).
     */
    private PublicationLag awaitAcknowledged(PublicationLag before, long events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        PublicationLag since;
        while ((since = PublicationLag.scrape(http).since(before)).count() < events && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (since.count() < events) {
            throw new IllegalStateException("The registry's publication-lag timer counted " + since.count()
                    + " acknowledgements, the consumer received " + events + " messages");
        }
        return since;
    }

    /**
     * Assigns at full speed for {@link #FEED_WARM_UP} and waits until the feed published it all, so the lag is
     * measured on a warm registry with no backlog, and the consumer has started (its first seconds are slow).
     */
    private void warmUpFeed(Assignment assignment, List<String> prefixes) throws Exception {
        failOnErrors(assignment.run(prefixes, config.clients(), FEED_WARM_UP).outcome());
        if (target.jdbcUrl() == null) {
            return;
        }
        try (Connection connection = target.connect()) {
            Processors.await(connection, Tokens.maxGlobalIndex(connection), System.nanoTime(), Duration.ofSeconds(60),
                    Processors.FEED::equals, false);
        }
    }

    private void requireJdbc() {
        if (target.jdbcUrl() == null) {
            throw new Skip("no --jdbc-url of the registry's PostgreSQL given");
        }
    }

    private String requireKafka() {
        if (target.kafkaBootstrap() == null) {
            throw new Skip("no --kafka bootstrap servers given");
        }
        return target.kafkaBootstrap();
    }
}
