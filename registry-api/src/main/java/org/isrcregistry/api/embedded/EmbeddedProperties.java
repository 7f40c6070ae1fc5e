package org.isrcregistry.api.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded defaults: a real PostgreSQL and a real Kafka broker, started only when no external one is configured.
 *
 * @param dataDir    where both keep their data, so a restart keeps everything
 * @param persistent false for throw-away instances (tests): data goes to a temporary directory deleted on stop
 */
@ConfigurationProperties("registry.embedded")
public record EmbeddedProperties(
        @DefaultValue("./var") Path dataDir,
        @DefaultValue("true") boolean persistent,
        @DefaultValue Postgres postgres,
        @DefaultValue Kafka kafka) {

    /**
     * @param port          0 picks a free port
     * @param sharedBuffers PostgreSQL's {@code shared_buffers}: its own cache of table and index pages
     */
    public record Postgres(@DefaultValue("0") int port, @DefaultValue("256MB") String sharedBuffers) {
    }

    /** @param port the client port, 9092 by default so any Kafka client finds it; 0 picks a free port */
    public record Kafka(@DefaultValue("9092") int port, @DefaultValue("0") int controllerPort) {
    }
}
