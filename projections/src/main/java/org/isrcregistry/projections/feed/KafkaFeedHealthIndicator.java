package org.isrcregistry.projections.feed;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Reports the broker behind the feed as the {@code kafka} health component, with the feed's backlog; DOWN too while
 * the feed is halted at an event it cannot publish ({@link FeedHalt}), naming it. Readiness does
 * not include it: with the broker down the registry keeps taking commands and the feed catches up when it returns.
 */
class KafkaFeedHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;
    private final KafkaFeedMetrics metrics;
    private final FeedHalt halt;

    KafkaFeedHealthIndicator(Admin admin, KafkaFeedMetrics metrics, FeedHalt halt) {
        super("Kafka broker unreachable");
        this.admin = admin;
        this.metrics = metrics;
        this.halt = halt;
    }

    /** The details are shown to AUDITOR and AGENCY tokens only (management.endpoint.health.show-details). */
    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("backlog", metrics.backlog());
        var poison = halt.poison();
        if (poison.isPresent()) {
            builder.down().withDetail("haltedAt", poison.get());
            return;
        }
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
        int nodes = cluster.nodes().get(2, TimeUnit.SECONDS).size();
        builder.up().withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS)).withDetail("nodes", nodes);
    }
}
