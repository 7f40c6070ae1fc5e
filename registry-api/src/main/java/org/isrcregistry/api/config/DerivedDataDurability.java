package org.isrcregistry.api.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The streaming processors' transactions (read models, the Kafka feed's position) commit without waiting for the
 * disk. They hold only derived rows and the processor's own position in the event store, in the same transaction:
 * a crash can lose the last batches of both together, and the processor then does them again from the event store,
 * which stays durable. Command transactions (events and the lookups written with them) keep synchronous commits, so
 * an acknowledged ISRC survives any crash. Each read model's commit is on the path of every command's answer
 * (read-your-writes), so one disk flush fewer per batch is what the client waits for.
 */
@Configuration(proxyBeanMethods = false)
class DerivedDataDurability {

    private static final String APPLIED = DerivedDataDurability.class.getName();

    @Bean
    ConfigurerModule asynchronousCommitForDerivedData(JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (config, processor) -> asynchronousCommit(jdbc));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> asynchronousCommit(JdbcTemplate jdbc) {
        return (unitOfWork, chain) -> {
            // A handler running inside a command's unit of work shares the command's transaction: never relaxed.
            if (!(unitOfWork.root().getMessage() instanceof CommandMessage)) {
                unitOfWork.root().getOrComputeResource(APPLIED, key -> {
                    jdbc.execute("SET LOCAL synchronous_commit = off");
                    return Boolean.TRUE;
                });
            }
            return chain.proceed();
        };
    }
}
