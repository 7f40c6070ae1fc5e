package org.isrcregistry.projections.feed;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka feed for downstream consumers.
 *
 * @param bootstrapServers  blank: the application provides a broker (the embedded one)
 * @param topicPrefix       topics are {@code <prefix>.events}, {@code <prefix>.recordings}, {@code <prefix>.prefixes}
 *                          and the restricted {@code <prefix>.registrants}
 * @param partitions        partitions of each topic created at start-up
 * @param replicationFactor replication factor of each topic created at start-up
 * @param source            the CloudEvents {@code source} attribute of every message
 * @param sendTimeout       how long a batch waits for the broker's acknowledgement before it is retried
 * @param producer          further Kafka producer settings (security, interceptors), passed as they are
 */
@ConfigurationProperties("registry.kafka")
public record KafkaFeedProperties(
        String bootstrapServers,
        @DefaultValue("isrc-registry") String topicPrefix,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("urn:isrc-registry") URI source,
        @DefaultValue("30s") Duration sendTimeout,
        Map<String, String> producer) {

    public KafkaFeedProperties {
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }

    public String eventsTopic() {
        return topicPrefix + ".events";
    }

    public String recordingsTopic() {
        return topicPrefix + ".recordings";
    }

    public String prefixesTopic() {
        return topicPrefix + ".prefixes";
    }

    /**
     * Registrant data and who holds which prefix: for the agency's own systems only, behind the broker's ACLs
     * (docs/kafka.md), never on the public topics.
     */
    public String registrantsTopic() {
        return topicPrefix + ".registrants";
    }
}
