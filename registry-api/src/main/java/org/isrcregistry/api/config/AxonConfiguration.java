package org.isrcregistry.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata keys every event carries: who acted, and the request it came from. */
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";

    /**
     * Stored events, snapshots and tokens. Unknown fields are tolerated here (an event written by a newer revision
     * must still load), unlike in HTTP requests, hence a mapper of their own.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** The HTTP API's mapper, configured by {@code spring.jackson.*}; declared because Axon's mapper above exists. */
    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /**
     * PostgreSQL's unique_violation on the event store's (aggregate, sequence number) key is how a command that raced
     * another node is recognised; Axon's JDBC default only recognises JPA's exception.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** The command's own message id, as {@code causationId}; the trace id spans everything one request caused. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    /** Copied from the command to every event it produces: who acted, and the HTTP request's correlation id. */
    @Bean
    CorrelationDataProvider actorAndRequestProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, CORRELATION_ID);
    }
}
