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
 * Streaming processors working through a backlog (after a restore, a seed, an import: a batch of at least
 * {@code registry.projections.catch-up.large-batch} events) take turns, at most
 * {@code registry.projections.catch-up.concurrent-batches} such batches at once (by default half the cores), so the
 * requests keep the other cores: a public look-up must stay fast while the read models catch up. A processor that
 * is up to date works in small batches, which never wait, so the read models and the feed follow new commands as
 * before.
 */
@Configuration(proxyBeanMethods = false)
class CatchUpShare {

    private static final String PERMIT = CatchUpShare.class.getName();

    @Bean
    ConfigurerModule catchUpTakesTurns(
            @Value("${registry.projections.catch-up.concurrent-batches}") int concurrentBatches,
            @Value("${registry.projections.catch-up.large-batch}") int largeBatch) {
        int permits = concurrentBatches > 0 ? concurrentBatches
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        MessageHandlerInterceptor<EventMessage<?>> turns = turns(new Semaphore(permits, true), largeBatch);
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> turns);
    }

    static MessageHandlerInterceptor<EventMessage<?>> turns(Semaphore permits, int largeBatch) {
        return (unitOfWork, chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            if (batch instanceof BatchingUnitOfWork<?> events && events.getMessages().size() >= largeBatch) {
                batch.getOrComputeResource(PERMIT, key -> {
                    try {
                        permits.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for a turn to catch up", e);
                    }
                    batch.onCleanup(done -> permits.release());
                    return Boolean.TRUE;
                });
            }
            return chain.proceed();
        };
    }
}
