package org.isrcregistry.api.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isrcregistry.api.AgencyToken;

/**
 * The registry jar ({@code registry-api/target/isrc-registry.jar}, built by {@code package}) as a child process on an
 * external PostgreSQL and broker, as it runs in production, so that a test can {@code kill -9} it
 * ({@link #kill()}: {@code destroyForcibly}, SIGKILL, of this process only) and start it again on the same data. Its
 * output goes to a log file next to the test's data. Always {@link #close()} it.
 */
final class RegistryNode implements AutoCloseable {

    static final Path JAR = Path.of("target", "isrc-registry.jar");

    private final List<String> command;
    private final int port;
    private final Path log;
    private Process process;
    private int starts;

    RegistryNode(String name, String jdbcUrl, String kafka, Path workDir, String... properties) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("No " + JAR.toAbsolutePath() + ": run the fault suite with"
                    + " './mvnw -B -ntp -pl registry-api -am verify -Pfaults' (it packages the jar first)");
        }
        this.port = freePort();
        this.log = workDir.resolve(name + ".log");
        command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--registry.kafka.bootstrap-servers=" + kafka,
                "--registry.embedded.data-dir=" + workDir.resolve(name),
                "--" + AgencyToken.PROPERTY));
        command.addAll(List.of(properties));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Starts the process and waits until it is ready (PostgreSQL reached, processors started). */
    RegistryNode start() throws Exception {
        starts++;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The registry exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The registry was not ready within 4 minutes; see " + log);
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, nothing flushed that was not already. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The process id, which Axon's token claims name as their owner ({@code <pid>@<host>}). */
    long pid() {
        return process.pid();
    }

    int starts() {
        return starts;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
