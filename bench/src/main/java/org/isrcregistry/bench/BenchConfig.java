package org.isrcregistry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every knob of the harness. Each is a {@code --name=value} argument or a {@code -Dbench.name=value} system
 * property (the argument wins); {@code --quick} lowers the defaults to a few seconds per scenario.
 */
public record BenchConfig(
        boolean quick,
        String registryUrl,
        String token,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String kafkaBootstrap,
        Path registryJar,
        Path workDir,
        String registryHeap,
        List<String> registryJvmOptions,
        boolean jfr,
        int clients,
        int prefixes,
        Duration assignDuration,
        int importRows,
        int catalogue,
        int cataloguePrefixes,
        boolean catalogueTransfers,
        int lookupRate,
        int lookupThreads,
        Duration lookupDuration,
        Duration kafkaDuration,
        int verifySample,
        Path output,
        Duration runBudget,
        Set<String> scenarios) {

    /** The scenarios, in the order they run. */
    public static final Set<String> ALL_SCENARIOS = Set.of(
            "baseline", "assign", "kafka", "import", "catalogue", "lookup", "console", "compliance", "scale", "agency",
            "replay", "rebuild");
    /** What a run without {@code --scenarios} runs: all but the opt-in ones, meant for larger data. */
    public static final Set<String> DEFAULT_SCENARIOS = ALL_SCENARIOS.stream()
            .filter(s -> !s.equals("scale") && !s.equals("agency"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    public static BenchConfig parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("bench.")) {
                values.put(key.toString().substring("bench.".length()), value.toString());
            }
        });
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Arguments are --name=value; got " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        return from(values);
    }

    static BenchConfig from(Map<String, String> values) {
        Knobs k = new Knobs(values);
        boolean quick = k.bool("quick", false);
        Path workDir = k.path("work-dir", Path.of("bench", "target", "bench-run"));
        BenchConfig config = new BenchConfig(
                quick,
                k.text("registry-url", null),
                k.text("token", null),
                k.text("jdbc-url", null),
                k.text("jdbc-user", "postgres"),
                k.text("jdbc-password", ""),
                k.text("kafka", null),
                k.path("registry-jar", defaultRegistryJar()),
                workDir,
                k.text("registry-heap", "1g"),
                k.words("registry-jvm-options"),
                k.bool("jfr", false),
                k.integer("clients", 16),
                k.integer("prefixes", 50),
                k.duration("assign-seconds", quick ? 5 : 20),
                k.integer("import-rows", quick ? 10_000 : 100_000),
                k.integer("catalogue", quick ? 50_000 : 1_000_000),
                k.integer("catalogue-prefixes", quick ? 2 : 20),
                k.bool("catalogue-transfers", false),
                k.integer("lookup-rate", 2_000),
                k.integer("lookup-threads", 64),
                k.duration("lookup-seconds", quick ? 5 : 30),
                k.duration("kafka-seconds", quick ? 5 : 20),
                k.integer("verify-sample", 1_000_000),
                k.path("output", Path.of("bench", "results", "latest.json")),
                k.duration("run-budget", 560),
                k.set("scenarios", DEFAULT_SCENARIOS));
        k.rejectUnknown();
        return config;
    }

    /** The registry's jar in this repository, from the repository root or from the bench folder. */
    private static Path defaultRegistryJar() {
        Path jar = Path.of("registry-api", "target", "isrc-registry.jar");
        Path fromBench = Path.of("..").resolve(jar);
        return Files.exists(jar) || !Files.exists(fromBench) ? jar : fromBench;
    }

    public boolean startsRegistry() {
        return registryUrl == null;
    }

    public boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** What goes into the JSON file, so a figure can be traced back to the knobs that produced it. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("quick", quick);
        out.put("registry", startsRegistry() ? "started from " + registryJar + " with -Xmx" + registryHeap
                + (registryJvmOptions.isEmpty() ? "" : " " + String.join(" ", registryJvmOptions)) : registryUrl);
        out.put("clients", clients);
        out.put("prefixes", prefixes);
        out.put("assignSeconds", assignDuration.toSeconds());
        out.put("importRows", importRows);
        out.put("catalogue", catalogue);
        out.put("cataloguePrefixes", cataloguePrefixes);
        out.put("lookupRate", lookupRate);
        out.put("lookupThreads", lookupThreads);
        out.put("lookupSeconds", lookupDuration.toSeconds());
        out.put("kafkaSeconds", kafkaDuration.toSeconds());
        out.put("scenarios", scenarios);
        out.put("runBudgetSeconds", runBudget.toSeconds());
        out.put("catalogueTransfers", catalogueTransfers);
        return out;
    }

    private static final class Knobs {
        private final Map<String, String> values;
        private final Set<String> used = new TreeSet<>();

        Knobs(Map<String, String> values) {
            this.values = values;
        }

        String text(String name, String fallback) {
            used.add(name);
            String value = values.get(name);
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        boolean bool(String name, boolean fallback) {
            String value = text(name, null);
            return value == null ? fallback : Boolean.parseBoolean(value);
        }

        int integer(String name, int fallback) {
            String value = text(name, null);
            return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
        }

        Duration duration(String name, int fallbackSeconds) {
            String value = text(name, null);
            return Duration.ofMillis((long) ((value == null ? fallbackSeconds : Double.parseDouble(value)) * 1000));
        }

        Path path(String name, Path fallback) {
            String value = text(name, null);
            return value == null ? fallback : Path.of(value);
        }

        /** Space-separated words, e.g. extra JVM options. */
        List<String> words(String name) {
            String value = text(name, null);
            return value == null ? List.of() : List.of(value.split("\\s+"));
        }

        Set<String> set(String name, Set<String> fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            Set<String> chosen = new TreeSet<>(Set.of(value.split(",")));
            if (!ALL_SCENARIOS.containsAll(chosen)) {
                throw new IllegalArgumentException("Unknown scenario in " + value + "; known: " + ALL_SCENARIOS);
            }
            return chosen;
        }

        void rejectUnknown() {
            Set<String> unknown = new TreeSet<>(values.keySet());
            unknown.removeAll(used);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown option(s) " + unknown + "; known: " + used);
            }
        }
    }
}
