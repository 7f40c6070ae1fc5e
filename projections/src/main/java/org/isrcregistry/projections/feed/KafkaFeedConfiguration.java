package org.isrcregistry.projections.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class KafkaFeedConfiguration {

    /**
     * The published JSON: field names are the events' own (stable, documented in docs/kafka.md), optional fields
     * present with null. Axon's event serializer writes with the same settings, which is why an event's stored JSON is
     * published as it is (KafkaFeedTest checks the two agree).
     */
    public static ObjectMapper feedJson() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** A new producer each call: the feed replaces its own after a failed batch, a replay has its own. */
    @Bean
    Supplier<Producer<String, byte[]>> feedProducers(KafkaConnectionDetails kafka,
                                                         KafkaFeedProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A down broker fails the first send of a batch within this, rather than after the whole send timeout.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(properties.sendTimeout().toMillis(), 5_000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(properties.sendTimeout().toMillis(), 15_000));
        config.putAll(properties.producer());
        // What the outbox's guarantees rest on cannot be configured away.
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getProducerBootstrapServers()));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return () -> new KafkaProducer<>(config);
    }

    @Bean(destroyMethod = "close")
    Admin feedAdmin(KafkaConnectionDetails kafka) {
        return Admin.create(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getAdminBootstrapServers()),
                AdminClientConfig.CLIENT_ID_CONFIG, "isrc-registry-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    @Bean
    FeedTopics feedTopics(Admin feedAdmin, KafkaFeedProperties properties) {
        return new FeedTopics(feedAdmin, properties);
    }

    /** In the background: a broker that is down must not hold up or stop the registry's start. */
    @Bean
    ApplicationRunner feedTopicsAtStartUp(FeedTopics topics) {
        return args -> {
            Thread thread = new Thread(topics::tryCreate, "kafka-feed-topics");
            thread.setDaemon(true);
            thread.start();
        };
    }

    @Bean
    CloudEventMapper feedMapper(KafkaFeedProperties properties, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new CloudEventMapper(feedJson(), eventSerializer, properties.source());
    }

    @Bean(destroyMethod = "close")
    FeedProducer feedProducer(Supplier<Producer<String, byte[]>> feedProducers) {
        return new FeedProducer(feedProducers);
    }

    @Bean
    KafkaFeedPublisher kafkaFeedPublisher(FeedProducer feedProducer, CloudEventMapper feedMapper,
                                          KafkaFeedProperties properties, FeedTopics feedTopics, JdbcTemplate jdbc,
                                          MeterRegistry meters, FeedHalt feedHalt) {
        return new KafkaFeedPublisher(feedProducer, feedMapper, properties, feedTopics,
                new FeedStates(jdbc, feedJson()), meters, feedHalt);
    }

    /** The upcasters are Axon's, asked for when a replay meets an event stored in an older revision. */
    @Bean
    FeedReplay feedReplay(ObjectProvider<org.axonframework.config.Configuration> axon,
                          @Qualifier("eventSerializer") Serializer eventSerializer, EventStorageEngine store,
                          JdbcTemplate jdbc,
                          Supplier<Producer<String, byte[]>> feedProducers, CloudEventMapper feedMapper,
                          FeedTopics feedTopics, KafkaFeedProperties properties) {
        return new FeedReplay(eventSerializer, () -> axon.getObject().upcasterChain(), store, jdbc, feedProducers,
                feedMapper, feedTopics, properties);
    }

    @Bean
    FeedHalt feedHalt() {
        return new FeedHalt();
    }

    /**
     * A failed send must stop the feed at that event and retry it, never log it and move on; an event that can never
     * be published halts the feed (FeedHalt) instead of being retried for ever.
     */
    @Bean
    ConfigurerModule kafkaFeedErrorHandling(FeedHalt feedHalt) {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaFeedPublisher.PROCESSING_GROUP, c -> feedHalt);
    }

    @Bean
    KafkaFeedMetrics kafkaFeedMetrics(EventStorageEngine store, JdbcTemplate jdbc) {
        return new KafkaFeedMetrics(store, jdbc);
    }

    @Bean
    KafkaFeedHealthIndicator kafkaHealthIndicator(Admin feedAdmin, KafkaFeedMetrics metrics, FeedHalt feedHalt) {
        return new KafkaFeedHealthIndicator(feedAdmin, metrics, feedHalt);
    }
}
