package org.isrcregistry.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run, its scenarios' outcomes and details: printed as a table, written as JSON. */
final class Results {

    enum Outcome { OK, SKIPPED, FAILED }

    /** {@code met} is null when the figure has no target, or the run was a reduced one. */
    record Figure(String name, double value, String unit, String target, Boolean met) {
    }

    record ScenarioOutcome(String scenario, Outcome outcome, String message, Map<String, Object> details) {
    }

    private final OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    private final List<Figure> figures = new ArrayList<>();
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final Map<String, Object> profile = new LinkedHashMap<>();
    private final Map<String, Object> config;
    private final boolean assertTargets;

    Results(Map<String, Object> config, boolean assertTargets) {
        this.config = config;
        this.assertTargets = assertTargets;
    }

    /** A figure; {@code atLeast} tells which way the target goes; a null target means none. */
    void figure(String name, double value, String unit, Double target, boolean atLeast) {
        Boolean met = target == null || !assertTargets ? null : atLeast ? value >= target : value <= target;
        String targetText = target == null ? "" : (atLeast ? "≥ " : "≤ ") + format(target) + " " + unit;
        figures.add(new Figure(name, round(value), unit, targetText.strip(), met));
    }

    void figure(String name, double value, String unit) {
        figure(name, value, unit, null, true);
    }

    void outcome(String scenario, Outcome outcome, String message, Map<String, Object> details) {
        outcomes.add(new ScenarioOutcome(scenario, outcome, message, details));
    }

    /** The registry's hottest methods from its flight recording, when the run made one. */
    void profile(List<String> hotMethods, List<String> busiestThreads, String recording) {
        profile.put("recording", recording);
        profile.put("hotMethods", hotMethods);
        profile.put("busiestThreads", busiestThreads);
    }

    List<ScenarioOutcome> outcomes() {
        return outcomes;
    }

    List<Figure> figures() {
        return figures;
    }

    boolean anyFailed() {
        return outcomes.stream().anyMatch(o -> o.outcome() == Outcome.FAILED);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("\nISRC registry benchmark, ").append(started).append(", ").append(machine().get("summary"))
                .append("\n\n");
        out.append(String.format("| %-58s | %12s | %-8s | %-18s | %-4s |%n", "figure", "value", "unit", "target", "met"));
        out.append(String.format("|%s|%s|%s|%s|%s|%n", "-".repeat(60), "-".repeat(14), "-".repeat(10), "-".repeat(20),
                "-".repeat(6)));
        for (Figure f : figures) {
            out.append(String.format("| %-58s | %12s | %-8s | %-18s | %-4s |%n", f.name(), format(f.value()), f.unit(),
                    f.target(), f.met() == null ? "" : f.met() ? "yes" : "NO"));
        }
        out.append('\n');
        for (ScenarioOutcome o : outcomes) {
            out.append(String.format("%-9s %-7s %s%n", o.scenario(), o.outcome(), o.message()));
        }
        if (!profile.isEmpty()) {
            out.append("\nHottest methods of the registry (JFR execution samples, top of stack), ")
                    .append(profile.get("recording")).append(":\n");
            ((List<?>) profile.get("hotMethods")).forEach(line -> out.append("  ").append(line).append('\n'));
            out.append("Busiest threads of the registry (the same samples, by thread):\n");
            ((List<?>) profile.get("busiestThreads")).forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", started.toString());
        json.put("machine", machine());
        json.put("config", config);
        json.put("figures", figures);
        json.put("scenarios", outcomes);
        if (!profile.isEmpty()) {
            json.put("profile", profile);
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        machine.put("host", host);
        machine.put("cores", cores);
        machine.put("memoryGiB", Math.round(memory / (1024.0 * 1024 * 1024)));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("summary", cores + " cores, " + machine.get("memoryGiB") + " GiB, " + machine.get("os") + ", Java "
                + System.getProperty("java.version"));
        return machine;
    }

    private static double round(double value) {
        return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100.0;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%,d", (long) value)
                : String.format("%,.2f", value);
    }
}
