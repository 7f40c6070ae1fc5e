package org.isrcregistry.api.command;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.isrcregistry.api.config.AxonConfiguration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends commands with who acted and the request's correlation id as metadata (they end up on every event the
 * command produces); outside an HTTP request the actor is the registry itself. A command that lost a race on the event store's sequence numbers to another
 * node is retried: it is decided again on the fresh state, so it can never issue a code twice.
 */
@Component
public class RegistryCommands {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** Under contention from other nodes a command may lose several races in a row; each retry backs off at random. */
    private static final int ATTEMPTS = 30;

    private final CommandGateway gateway;

    RegistryCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return send(command, actor(), correlationId());
    }

    /** For work that outlives its request (a bulk import): who acted and the correlation id are given. */
    public <R> R send(Object command, String actor, String correlationId) {
        MetaData metaData = MetaData.from(Map.of(
                AxonConfiguration.ACTOR, actor,
                AxonConfiguration.CORRELATION_ID, correlationId));
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // A race lost inside the caller's transaction has aborted it: the caller retries all of it.
            return gateway.sendAndWait(command, metaData);
        }
        return retryingRaces(() -> gateway.sendAndWait(command, metaData));
    }

    /**
     * Runs {@code work} (commands, or a transaction of several) again while it loses races to other nodes or requests;
     * each attempt decides again on the fresh state.
     */
    public static <R> R retryingRaces(Supplier<R> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConcurrencyException | AggregateStreamCreationException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 10) * 3L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }

    /** Who sent the current HTTP request; outside a request, the registry itself. */
    public static String actor() {
        return request().map(RegistryCommands::actorOf).orElse("registry");
    }

    /**
     * Who sent the request: its API token ({@code token:<id>}, see api.security.ApiToken), or "anonymous". Idempotency
     * keys are scoped to it.
     */
    public static String actorOf(HttpServletRequest request) {
        return Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName).orElse("anonymous");
    }

    /** The request's X-Correlation-Id when it is well formed, else a new one. */
    public static String correlationId() {
        return request().map(r -> r.getHeader(CORRELATION_HEADER))
                .filter(header -> header.matches("[A-Za-z0-9._:-]{1,128}"))
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
