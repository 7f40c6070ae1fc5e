package org.isrcregistry.api.config;

import java.util.Arrays;
import java.util.List;
import org.isrcregistry.projections.feed.KafkaFeedProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The broker given by {@code registry.kafka.bootstrap-servers} (REGISTRY_KAFKA_BOOTSTRAP_SERVERS). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${registry.kafka.bootstrap-servers:}'.isBlank()")
class ExternalKafkaConfiguration {

    @Bean
    KafkaConnectionDetails kafkaConnection(KafkaFeedProperties properties) {
        List<String> servers = Arrays.stream(properties.bootstrapServers().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return () -> servers;
    }
}
