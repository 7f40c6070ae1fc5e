package org.isrcregistry.projections.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class KafkaFeedConfiguration {

    /** Field names of the published JSON are the events' own: stable, documented in docs/kafka.md. */
    static ObjectMapper feedJson() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    @Bean(destroyMethod = "close")
    Producer<String, CloudEvent> feedProducer(KafkaConnectionDetails kafka, KafkaFeedProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getProducerBootstrapServers()));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "isrc-registry-feed");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.sendTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(properties.sendTimeout().toMillis(), 15_000));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        config.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY);
        return new KafkaProducer<>(config);
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

    @Bean
    KafkaFeedPublisher kafkaFeedPublisher(Producer<String, CloudEvent> feedProducer, KafkaFeedProperties properties,
                                          FeedTopics feedTopics) {
        return new KafkaFeedPublisher(feedProducer, new CloudEventMapper(feedJson(), properties.source()), properties,
                feedTopics);
    }

    /** A failed send must stop the feed at that event and retry it, never log it and move on. */
    @Bean
    ConfigurerModule kafkaFeedErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaFeedPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    @Bean
    KafkaFeedHealthIndicator kafkaHealthIndicator(Admin feedAdmin) {
        return new KafkaFeedHealthIndicator(feedAdmin);
    }
}
