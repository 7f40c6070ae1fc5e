package org.isrcregistry.projections.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** A real AdminClient against a port where no broker listens: the registry's start-up must go on. */
class FeedTopicsTest {

    @Test
    void aBrokerDownAtStartUpIsReportedNotThrown() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500))) {
            FeedTopics topics = new FeedTopics(admin, new KafkaFeedProperties(null, "isrc-registry", 3, (short) 1,
                    URI.create("urn:isrc-registry"), Duration.ofSeconds(30), null));

            long start = System.nanoTime();
            topics.tryCreate();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThatThrownBy(topics::ensureCreated).isInstanceOf(FeedUnavailableException.class)
                    .hasMessageContaining("broker may be down");
        }
    }
}
