package org.isrcregistry.projections;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.deadletter.Decisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event a read model parks is logged once, at ERROR, with its id and the whole failure: the dead-letter list
 * ({@code GET /v1/admin/dead-letters}) shows only the event id and an {@link ErrorKind}, so that the details (which
 * may hold SQL) stay in the log. Parking itself is Axon's default: every failure is parked.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterLog {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterLog.class);

    @Bean
    ConfigurerModule deadLettersLogged() {
        return configurer -> ReadModels.ALL.forEach(group -> configurer.eventProcessing()
                .registerDeadLetterPolicy(group, c -> (letter, cause) -> {
                    if (letter.cause().isEmpty()) {
                        log.error("Read model {} parked event {} ({}, {})", group, letter.message().getIdentifier(),
                                letter.message().getPayloadType().getSimpleName(), ErrorKind.of(cause), cause);
                    }
                    return Decisions.enqueue(cause);
                }));
    }
}
