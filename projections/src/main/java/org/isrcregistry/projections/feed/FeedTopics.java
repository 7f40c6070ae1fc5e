package org.isrcregistry.projections.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the feed's topics through Kafka's AdminClient with the configured partitions and replication: the events
 * topic and the restricted registrants topic (both kept for ever), and the two compacted state topics a new consumer reads from the beginning to get the whole
 * catalogue. Tried at start-up in the background, and again before the feed's first send, so a broker that is down
 * when the registry starts delays the feed instead of stopping the registry. Existing topics are left as they are.
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

    /** At start-up: a broker that is down is reported, not fatal. */
    void tryCreate() {
        try {
            ensureCreated();
        } catch (FeedUnavailableException e) {
            log.warn("{}; the feed creates them when the broker is back", e.getMessage());
        }
    }

    void ensureCreated() {
        if (created) {
            return;
        }
        synchronized (this) {
            if (!created) {
                Map<String, String> compacted =
                        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                create(List.of(events(properties.eventsTopic()), events(properties.registrantsTopic()),
                        topic(properties.recordingsTopic()).configs(compacted),
                        topic(properties.prefixesTopic()).configs(compacted)));
                created = true;
            }
        }
    }

    /** A topic for a replay of the events, configured like the events topic. */
    void ensureEventsTopic(String name) {
        create(List.of(events(name)));
    }

    /**
     * A log of its own, kept for ever, in one partition so that its order is total (the ledger's checkpoints).
     *
     * @throws FeedUnavailableException while the broker cannot be reached
     */
    public void ensureSinglePartitionLog(String name) {
        create(List.of(new NewTopic(name, 1, properties.replicationFactor())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))));
    }

    private NewTopic events(String name) {
        return topic(name).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    private NewTopic topic(String name) {
        return new NewTopic(name, properties.partitions(), properties.replicationFactor());
    }

    /**
     * Returns once every partition's leader serves it. The controller names the leader before the broker has created
     * the partition; a first send in between is refused (NOT_LEADER_OR_FOLLOWER) while a later batch of the same
     * idempotent producer may already be taken (a broker accepts any first sequence number from a producer it does
     * not know yet), so the retried first batch would land after it or not at all (OUT_OF_ORDER_SEQUENCE_NUMBER).
     * Seen in a replay to a new topic. A leader that lists its offsets has the partition: the admin client retries a
     * leader that does not have it yet, and this a topic its metadata does not know yet.
     */
    private void awaitLeaders(List<NewTopic> created) throws InterruptedException, ExecutionException,
            TimeoutException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (NewTopic topic : created) {
            for (int partition = 0; partition < topic.numPartitions(); partition++) {
                partitions.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private void create(List<NewTopic> wanted) {
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                awaitLeaders(missing);
                log.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("Interrupted while creating the feed's topics");
        } catch (ExecutionException | TimeoutException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new FeedUnavailableException("The feed's topics could not be created (" + e.getCause()
                        + "); the broker may be down");
            }
        }
    }
}
