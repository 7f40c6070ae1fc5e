package org.isrcregistry.api.config;

import java.util.concurrent.Semaphore;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When {@code registry.projections.catch-up.concurrent-batches} is set (0, the default: off), streaming processors
 * working through a backlog (after a restore, a seed, an import: a batch of at least
 * {@code registry.projections.catch-up.large-batch} events) take turns, at most that many such batches at once, so
 * requests and imports keep the other cores. A processor that is up to date works in small batches, which never
 * wait. A turn lasts a whole batch, its commit and (the feed) the broker's acknowledgements included, so the catch-up
 * itself is slower: the trade-off is measured in docs/write-throughput.md, and why it is off by default.
 */
@Configuration(proxyBeanMethods = false)
class CatchUpShare {

    private static final String PERMIT = CatchUpShare.class.getName();

    @Bean
    ConfigurerModule catchUpTakesTurns(
            @Value("${registry.projections.catch-up.concurrent-batches}") int concurrentBatches,
            @Value("${registry.projections.catch-up.large-batch}") int largeBatch) {
        if (concurrentBatches <= 0) {
            return configurer -> { };
        }
        MessageHandlerInterceptor<EventMessage<?>> turns = turns(new Semaphore(concurrentBatches, true), largeBatch);
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> turns);
    }

    static MessageHandlerInterceptor<EventMessage<?>> turns(Semaphore permits, int largeBatch) {
        return (unitOfWork, chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            // Decided once, on the batch's first event: Axon's getMessages() copies the batch's list each time.
            batch.getOrComputeResource(PERMIT, key -> {
                if (!(batch instanceof BatchingUnitOfWork<?> events) || events.getMessages().size() < largeBatch) {
                    return Boolean.FALSE;
                }
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for a turn to catch up", e);
                }
                batch.onCleanup(done -> permits.release());
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }
}
