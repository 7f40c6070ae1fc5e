package org.isrcregistry.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit and compliance reports over the seeded catalogue: each report's first page (one request, the first of
 * its kind, timed end to end) and whole reports as streamed CSV (rows per second, lines counted as they arrive). The
 * prefix's recording list as CSV, the registry's existing export, is the baseline measured in the same run.
 */
final class ComplianceReports {

    private static final Duration CSV_TIMEOUT = Duration.ofMinutes(3);

    private final Http http;
    private final Results results;

    ComplianceReports(Http http, Results results) {
        this.http = http;
        this.results = results;
    }

    String run(CatalogueSeeder.Catalogue catalogue, Map<String, Object> details) {
        String prefix = catalogue.prefixes().get(0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> firstPages = new LinkedHashMap<>();
        firstPages.put("audit of a prefix", "/v1/audit?prefix=" + prefix + "&from=" + today.minusDays(1) + "&to="
                + today);
        firstPages.put("catalogue of a prefix now", "/v1/prefixes/" + prefix + "/catalogue");
        firstPages.put("holdings of a party", "/v1/catalogue/holdings?party=Catalogue%20Records");
        firstPages.put("usage", "/v1/compliance/usage");
        firstPages.put("duplicates of a prefix", "/v1/compliance/duplicates?prefix=" + prefix);
        firstPages.put("signals", "/v1/compliance/signals");
        firstPages.put("completeness", "/v1/compliance/completeness");
        firstPages.put("missing fields", "/v1/compliance/completeness/missing");
        firstPages.put("withdrawals", "/v1/compliance/withdrawals");
        firstPages.put("activity", "/v1/compliance/activity");
        firstPages.put("conflicts", "/v1/compliance/conflicts");
        Map<String, Double> pageMillis = new LinkedHashMap<>();
        firstPages.forEach((name, path) -> {
            long start = System.nanoTime();
            http.get(path + (path.contains("?") ? "&" : "?") + "limit=100").require(name);
            double millis = (System.nanoTime() - start) / 1e6;
            pageMillis.put(name, millis);
            results.figure("compliance first page: " + name, millis, "ms", 2000.0, false);
        });
        details.put("firstPageMillis", pageMillis);

        double baseline = csv("prefix's recording list (baseline)", "/v1/prefixes/" + prefix + "/recordings", details);
        Map<String, String> exports = new LinkedHashMap<>();
        exports.put("catalogue of a prefix", "/v1/prefixes/" + prefix + "/catalogue");
        exports.put("audit of a prefix", "/v1/audit?prefix=" + prefix + "&from=" + today.minusDays(1) + "&to="
                + today);
        exports.put("missing fields, whole registry", "/v1/compliance/completeness/missing");
        exports.put("holdings of a party, whole catalogue", "/v1/catalogue/holdings?party=Catalogue%20Records");
        exports.forEach((name, path) -> {
            double rate = csv(name, path, details);
            results.figure("compliance CSV: " + name + " / baseline", rate / baseline, "ratio");
        });
        return "%d first pages, %d CSV exports over %,d recordings".formatted(firstPages.size(), exports.size() + 1,
                catalogue.size());
    }

    private double csv(String name, String path, Map<String, Object> details) {
        long start = System.nanoTime();
        long lines = http.csvLines(path, CSV_TIMEOUT);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = (lines - 1) / seconds;
        details.put("csv " + name, Map.of("rows", lines - 1, "seconds", seconds));
        results.figure("CSV " + name + " (" + String.format("%,d", lines - 1) + " rows)", rate, "rows/s",
                name.contains("baseline") ? null : 50_000.0, true);
        Bench.say("  CSV %s: %,d rows in %.1f s", name, lines - 1, seconds);
        return rate;
    }
}
