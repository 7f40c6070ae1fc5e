package org.isrcregistry.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The registry as a separate process on its embedded defaults (a real PostgreSQL and a real KRaft broker), in a
 * fresh data directory, on free ports so it never meets another registry running on this machine.
 */
final class RegistryProcess implements AutoCloseable {

    /** A loaded machine (other builds and tests at once) has been seen to take over three minutes. */
    private static final Duration STARTUP = Duration.ofMinutes(6);

    private final Process process;
    private final Target target;
    private final Path log;
    private final Path jfr;
    private final Path dataDir;
    private final Thread killOnExit;

    private RegistryProcess(Process process, Target target, Path log, Path jfr, Path dataDir) {
        this.process = process;
        this.target = target;
        this.log = log;
        this.dataDir = dataDir;
        this.jfr = jfr;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-registry");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static RegistryProcess start(BenchConfig config) throws IOException, InterruptedException {
        if (!Files.isRegularFile(config.registryJar())) {
            throw new IllegalStateException("No registry jar at " + config.registryJar().toAbsolutePath()
                    + ": build it first (./mvnw -q install -DskipTests)");
        }
        Path runDir = Files.createDirectories(config.workDir()).toAbsolutePath()
                .resolve("run-" + System.currentTimeMillis());
        Path dataDir = Files.createDirectories(runDir.resolve("data"));
        int http = freePort();
        int postgres = freePort();
        int kafka = freePort();
        int controller = freePort();
        Path jfr = config.jfr() ? runDir.resolve("registry.jfr") : null;

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + config.registryHeap(),
                "-XX:+UseG1GC"));
        command.addAll(config.registryJvmOptions());
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr);
        }
        command.addAll(List.of(
                "-jar", config.registryJar().toAbsolutePath().toString(),
                "--registry.embedded.data-dir=" + dataDir,
                "--server.port=" + http,
                "--registry.embedded.postgres.port=" + postgres,
                "--registry.embedded.kafka.port=" + kafka,
                "--registry.embedded.kafka.controller-port=" + controller,
                "--spring.datasource.url=",
                "--registry.kafka.bootstrap-servers=",
                // The look-up load is one anonymous client on localhost; the per-client limit stays in its path.
                "--registry.api.rate-limit.anonymous.requests=1000000000",
                "--registry.api.rate-limit.anonymous.period=1s",
                // The bench's prefixes are under QZ (Prefixes), which a registry allocates only when they are its own.
                "--registry.agency.country-codes=QZ"));
        Path log = runDir.resolve("registry.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Embedded defaults: nothing external may leak in from the bench's own environment.
        builder.environment().keySet().removeIf(name -> name.startsWith("REGISTRY_") || name.equals("SERVER_PORT"));
        // A fresh AGENCY token per run, through the environment so it is on no command line.
        String token = newToken();
        builder.environment().put("REGISTRY_SECURITY_BOOTSTRAP_TOKEN", token);
        Bench.say("Starting the registry (HTTP %d, PostgreSQL %d, Kafka %d), log %s", http, postgres, kafka, log);

        RegistryProcess registry = new RegistryProcess(builder.start(),
                new Target("http://localhost:" + http, token, "jdbc:postgresql://localhost:" + postgres + "/postgres",
                        "postgres", "", "localhost:" + kafka),
                log, jfr, dataDir);
        registry.awaitReady();
        return registry;
    }

    private void awaitReady() throws InterruptedException, IOException {
        Http http = new Http(target.baseUrl(), target.token());
        long started = System.nanoTime();
        long deadline = started + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The registry exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                // Readiness leaves the feed's broker out, and the embedded one starts in the background: the
                // scenarios measure a registry whose broker is up, as an external one would be.
                if (http.get(RegistryApi.HEALTH).ok() && http.get(RegistryApi.KAFKA_HEALTH).ok()) {
                    Bench.say("Registry ready, its Kafka broker too, in %.1f s (pid %d)",
                            (System.nanoTime() - started) / 1e9, process.pid());
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("The registry was not ready within " + STARTUP + ":\n" + tail());
    }

    Target target() {
        return target;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    Path jfr() {
        return jfr;
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** A graceful stop (SIGTERM), so the flight recording is written; forcibly after a minute. */
    /** A full run leaves 6-7 GB of PostgreSQL and Kafka data; the log and the JFR recording stay. */
    private void deleteData() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            Bench.say("Could not delete %s: %s", dataDir, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            deleteData();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook kills it
        }
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "isrc_bench_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
