package org.isrcregistry.api.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts a real single-node Kafka broker when {@code registry.kafka.bootstrap-servers} is not set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${registry.kafka.bootstrap-servers:}'.isBlank()")
class EmbeddedKafkaConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedKafkaBroker embeddedKafkaBroker(EmbeddedProperties properties) throws IOException {
        Path logDir = properties.persistent()
                ? properties.dataDir().resolve("kafka")
                : Files.createTempDirectory("isrc-registry-kafka");
        return new EmbeddedKafkaBroker(logDir, !properties.persistent(), properties.kafka().port(),
                properties.kafka().controllerPort()).startInBackground();
    }

    @Bean
    KafkaConnectionDetails embeddedKafkaConnection(EmbeddedKafkaBroker broker) {
        return () -> List.of(broker.bootstrapServers());
    }
}
