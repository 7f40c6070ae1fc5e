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
        MetaData metaData = MetaData.from(Map.of(
                AxonConfiguration.ACTOR, actor(),
                AxonConfiguration.CORRELATION_ID, correlationId()));
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

    private String actor() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    private String correlationId() {
        String header = request.getHeader(CORRELATION_HEADER);
        return header != null && header.matches("[A-Za-z0-9._:-]{1,128}") ? header : UUID.randomUUID().toString();
    }
}
