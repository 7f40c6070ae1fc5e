package org.isrcregistry.projections.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.isrcregistry.projections.feed.FeedTopics;
import org.isrcregistry.projections.feed.KafkaFeedProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    LedgerKey ledgerKey(LedgerProperties properties, Environment environment) {
        boolean embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        Path dataDir = embedded ? Path.of(environment.getProperty("registry.embedded.data-dir", "./var")) : null;
        boolean persistent = environment.getProperty("registry.embedded.persistent", Boolean.class, true);
        return new LedgerKey(LedgerSigningKey.resolve(properties, dataDir, persistent));
    }

    @Bean
    LedgerWriter ledgerWriter(DataSource dataSource, LedgerProperties properties, LedgerKey key) {
        return new LedgerWriter(dataSource, properties, key.signer(), Clock.systemUTC());
    }

    @Bean
    LedgerProofs ledgerProofs(DataSource dataSource) {
        return new LedgerProofs(dataSource);
    }

    @Bean
    LedgerVerification ledgerVerification(DataSource dataSource, LedgerKey key) {
        return new LedgerVerification(dataSource, key.verifier().orElse(null));
    }

    @Bean
    CheckpointPublisher checkpointPublisher(DataSource dataSource, Supplier<Producer<String, byte[]>> feedProducers,
                                            FeedTopics feedTopics, KafkaFeedProperties feed) {
        return new CheckpointPublisher(dataSource, feedProducers, feedTopics, feed.topicPrefix() + ".ledger-checkpoints");
    }

    @Bean
    LedgerScheduler ledgerScheduler(LedgerWriter writer, CheckpointPublisher publisher, LedgerProperties properties) {
        return new LedgerScheduler(writer, publisher, properties.pollInterval().toMillis());
    }

    /** DOWN when the writer refuses to sign (a fork) or keeps failing; the registry goes on serving. */
    @Bean
    HealthIndicator ledgerHealthIndicator(LedgerScheduler scheduler, LedgerWriter writer) {
        return () -> {
            String failure = scheduler.writerFailure();
            Health.Builder health = failure == null ? Health.up() : Health.down().withDetail("error", failure);
            return health.withDetail("lastRound", String.valueOf(writer.lastRoundAt())).build();
        };
    }
}
