package org.isrcregistry.api.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run in this JVM. Its log
 * directory is formatted once and kept, so topics and offsets survive a restart like a real broker's.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path logDir;
    private final boolean deleteOnClose;
    private final int port;
    private final KafkaConfig config;
    private KafkaRaftServer server;
    private CompletableFuture<Void> started = CompletableFuture.completedFuture(null);

    public EmbeddedKafkaBroker(Path logDir, boolean deleteOnClose, int port, int controllerPort) {
        this.logDir = logDir.toAbsolutePath();
        this.deleteOnClose = deleteOnClose;
        this.port = port > 0 ? port : freePort();
        int controller = controllerPort > 0 ? controllerPort : freePort();
        config = new KafkaConfig(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@localhost:" + controller),
                Map.entry("listeners", "PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + controller),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + this.port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", this.logDir.toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                // The broker shares the registry's heap. Kafka's defaults are sized for a broker of its own: the log
                // cleaner (compacted state topics) holds a 128 MiB dedupe buffer on the heap for ever. 16 MiB maps
                // about 700,000 keys per pass; a larger state topic is cleaned in more passes.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024)),
                // One producer (the feed) and a few consumers: 8 request handler and 3 network threads would only
                // compete with the registry for its cores.
                Map.entry("num.io.threads", "2"),
                Map.entry("num.network.threads", "2")));
        format(config);
    }

    private void format(KafkaConfig config) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(config.nodeId())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the embedded Kafka log directory " + logDir, e);
        }
    }

    /** Starts the broker, or starts it again after {@link #stop()} on the same port and log directory. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        log.info("Embedded Kafka broker (KRaft) listening on localhost:{}, log dir {}", port, logDir);
        return this;
    }

    /**
     * Starts the broker beside the rest of the application: its port is known before it listens, and clients
     * connect once it does. The registry does not wait for its feed's broker.
     */
    public EmbeddedKafkaBroker startInBackground() {
        started = CompletableFuture.runAsync(this::start).whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("The embedded Kafka broker did not start on port {}; the feed waits for a broker", port, failure);
            }
        });
        return this;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the broker and keeps its data, as an outage would. */
    public void stop() {
        started.exceptionally(failure -> null).join();
        synchronized (this) {
            if (server != null) {
                server.shutdown();
                server.awaitShutdown();
                server = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            try {
                Utils.delete(logDir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
