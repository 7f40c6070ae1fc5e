package org.isrcregistry.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
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

    /** Events a streaming processor reads from the store per query; Axon's default is 100. */
    static final int EVENT_FETCH_SIZE = 1_000;

    /**
     * Axon's JDBC event store as its auto-configuration builds it (snapshot and event serializers, upcasters, the
     * resolver above), fetching {@link #EVENT_FETCH_SIZE} events per query (a processor replaying or catching up on
     * millions of events pays one round trip per thousand, not per hundred), with large appends by COPY and streams
     * that may block ending after one fetch ({@link RegistryEventStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return new RegistryEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider), transactionManager, EVENT_FETCH_SIZE);
    }

    /**
     * How often the event store looks for events committed elsewhere (another registry node, SQL): Axon's default is
     * a second, which alone would put the Kafka feed's lag past its 1 s target whenever the node running the feed is
     * not the one that took the command. Events committed by this node wake the processors at once either way.
     */
    static final long FETCH_DELAY_MS = 100;

    /** Axon's auto-configured event store, with {@link #FETCH_DELAY_MS}; it stores only what reads back. */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  @Qualifier("eventSerializer") Serializer eventSerializer) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(FETCH_DELAY_MS)
                .build();
        store.registerDispatchInterceptor(new StorableEvents(eventSerializer));
        return store;
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
