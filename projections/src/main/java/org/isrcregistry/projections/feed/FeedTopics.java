package org.isrcregistry.projections.feed;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the feed's topics through Kafka's AdminClient: the events topic, and the two compacted state topics a new
 * consumer reads from the beginning to get the whole catalogue. Done before the first send rather than at start-up,
 * so a broker that is down when the registry starts delays the feed instead of stopping the registry.
 */
public class FeedTopics {

    private static final Logger log = LoggerFactory.getLogger(FeedTopics.class);

    private final Admin admin;
    private final KafkaFeedProperties properties;
    private volatile boolean created;

    FeedTopics(Admin admin, KafkaFeedProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    void ensureCreated() {
        if (created) {
            return;
        }
        synchronized (this) {
            if (!created) {
                create();
                created = true;
            }
        }
    }

    private void create() {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        List<NewTopic> wanted = List.of(
                new NewTopic(properties.eventsTopic(), properties.partitions(), properties.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),
                new NewTopic(properties.recordingsTopic(), properties.partitions(), properties.replicationFactor())
                        .configs(compacted),
                new NewTopic(properties.prefixesTopic(), properties.partitions(), properties.replicationFactor())
                        .configs(compacted));
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                log.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("Interrupted while creating the feed's topics", e);
        } catch (ExecutionException | TimeoutException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                return;
            }
            throw new FeedUnavailableException("The feed's topics could not be created; the broker may be down", e);
        }
    }
}
