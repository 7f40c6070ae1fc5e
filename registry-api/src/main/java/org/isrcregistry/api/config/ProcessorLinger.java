package org.isrcregistry.api.config;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A streaming processor that has just committed a small batch (it keeps up with the commands as they come) pauses
 * for {@code registry.projections.linger} before it reads the event store again, so that the events committed
 * meanwhile come to it as one batch. Every batch costs a transaction, the token's update, a read of the store and,
 * for the Kafka feed, a round of broker acknowledgements: with a batch per command that cost more CPU than the events
 * themselves (docs/write-throughput.md). No command waits for it (a recording's read folds its events while the read
 * model is behind); the read models and the feed follow the store up to the linger later. A batch of
 * {@code registry.projections.catch-up.large-batch} events or more (a catch-up) goes on at once. 0: off.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorLinger {

    private static final String DECIDED = ProcessorLinger.class.getName();

    @Bean
    ConfigurerModule processorsLingerAfterSmallBatches(@Value("${registry.projections.linger}") Duration linger,
                                                        @Value("${registry.projections.catch-up.large-batch}")
                                                        int largeBatch) {
        if (linger.isZero() || linger.isNegative()) {
            return configurer -> { };
        }
        MessageHandlerInterceptor<EventMessage<?>> pause = afterSmallBatches(largeBatch, () -> sleep(linger));
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> pause);
    }

    /** Runs {@code pause} on the processor's thread once a batch smaller than {@code largeBatch} has committed. */
    static MessageHandlerInterceptor<EventMessage<?>> afterSmallBatches(int largeBatch, Runnable pause) {
        return (unitOfWork, chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            // Decided once, on the batch's first event: Axon's getMessages() copies the batch's list each time.
            batch.getOrComputeResource(DECIDED, key -> {
                if (batch instanceof BatchingUnitOfWork<?> events && events.getMessages().size() < largeBatch) {
                    batch.afterCommit(committed -> pause.run());
                }
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }

    private static void sleep(Duration linger) {
        try {
            Thread.sleep(linger.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
