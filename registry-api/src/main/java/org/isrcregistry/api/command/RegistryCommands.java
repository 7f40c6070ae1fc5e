package org.isrcregistry.api.command;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.isrcregistry.api.config.AxonConfiguration;
import org.springframework.stereotype.Component;

/**
 * Sends commands for HTTP requests, with who acted and the request's correlation id as metadata (they end up on
 * every event the command produces). A command that lost a race on the event store's sequence numbers to another
 * node is retried: it is decided again on the fresh state, so it can never issue a code twice.
 */
@Component
public class RegistryCommands {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final int ATTEMPTS = 5;

    private final CommandGateway gateway;
    private final HttpServletRequest request;

    RegistryCommands(CommandGateway gateway, HttpServletRequest request) {
        this.gateway = gateway;
        this.request = request;
    }

    public <R> R send(Object command) {
        return send(command, actorOf(request), correlationId());
    }

    /** For work that outlives its request (a bulk import): who acted and the correlation id are given. */
    public <R> R send(Object command, String actor, String correlationId) {
        MetaData metaData = MetaData.from(Map.of(
                AxonConfiguration.ACTOR, actor,
                AxonConfiguration.CORRELATION_ID, correlationId));
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command, metaData);
            } catch (ConcurrencyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** Who sent the request: the authenticated principal, or "anonymous". */
    public static String actorOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    public String correlationId() {
        String header = request.getHeader(CORRELATION_HEADER);
        return header != null && header.matches("[A-Za-z0-9._:-]{1,128}") ? header : UUID.randomUUID().toString();
    }
}
