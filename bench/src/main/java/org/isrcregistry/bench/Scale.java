package org.isrcregistry.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reads a national catalogue must keep fast as it grows (issue 12's scale figures), over the seeded catalogue:
 * search by title within a prefix through the API, and a whole prefix's list as streamed CSV. Run with a catalogue
 * of ten million (bench/README.md); the look-ups and the rebuild are their own scenarios over the same catalogue.
 */
final class Scale {

    private static final int SEARCH_CLIENTS = 8;
    private static final Duration CSV_TIMEOUT = Duration.ofMinutes(10);

    private final Http http;
    private final Results results;

    Scale(Http http, Results results) {
        this.http = http;
        this.results = results;
    }

    String run(CatalogueSeeder.Catalogue catalogue, boolean quick, Map<String, Object> details) throws Exception {
        Duration warmUp = Duration.ofSeconds(quick ? 2 : 5);
        Duration measured = Duration.ofSeconds(quick ? 3 : 20);
        searches(catalogue, warmUp);
        ClosedLoop.Outcome searches = searches(catalogue, measured);
        if (searches.errors() > 0) {
            throw new IllegalStateException(searches.errors() + " wrong searches, e.g. " + searches.firstError());
        }
        details.put("search", Latencies.summary(searches.latency()));
        String over = "over " + String.format("%,d", catalogue.size());
        double p99 = Latencies.ms(searches.latency().getValueAtPercentile(99));
        results.figure("search by title within a prefix, p50, " + SEARCH_CLIENTS + " clients " + over,
                Latencies.ms(searches.latency().getValueAtPercentile(50)), "ms");
        results.figure("search by title within a prefix, p99, " + SEARCH_CLIENTS + " clients " + over, p99, "ms",
                50.0, false);

        String prefix = catalogue.prefixes().get(0);
        long started = System.nanoTime();
        long lines = http.csvLines("/v1/prefixes/" + prefix + "/recordings", CSV_TIMEOUT);
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = lines - 1;
        if (rows < catalogue.perPrefix()) {
            throw new IllegalStateException("the CSV of " + prefix + " has " + rows + " rows, the prefix "
                    + catalogue.perPrefix());
        }
        details.put("csv", Map.of("prefix", prefix, "rows", rows, "seconds", seconds));
        results.figure("a prefix's list as CSV (" + String.format("%,d", rows) + " rows)", rows / seconds, "rows/s",
                100_000.0, true);
        return "%,d searches (p99 %.1f ms), every one finding its code; %,d CSV rows of %s in %.1f s".formatted(
                searches.calls(), p99, rows, prefix, seconds);
    }

    private ClosedLoop.Outcome searches(CatalogueSeeder.Catalogue catalogue, Duration duration)
            throws InterruptedException {
        return ClosedLoop.run(SEARCH_CLIENTS, duration, id -> () -> () -> {
            String isrc = catalogue.isrc(ThreadLocalRandom.current().nextLong(catalogue.size()));
            Http.Response page = http.get("/v1/recordings?prefix=" + isrc.substring(0, 5) + "&title="
                    + URLEncoder.encode(CatalogueSeeder.Catalogue.title(isrc), StandardCharsets.UTF_8) + "&limit=10");
            if (page.status() != 200 || !page.body().contains(isrc)) {
                throw new IllegalStateException("search for " + isrc + ": " + page.status() + " " + page.body());
            }
        });
    }
}
