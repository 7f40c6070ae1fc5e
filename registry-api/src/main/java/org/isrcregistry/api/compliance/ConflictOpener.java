package org.isrcregistry.api.compliance;

import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.isrcregistry.api.config.AxonConfiguration;
import org.isrcregistry.core.conflict.ConflictBasis;
import org.isrcregistry.core.conflict.ConflictId;
import org.isrcregistry.core.conflict.OpenConflict;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.PossibleDuplicateDetected;
import org.springframework.stereotype.Component;

/**
 * The conflict queue's automation: each possible duplicate a registration reports opens the pair's conflict, as the
 * registry ({@code actor} "registry", the registration's correlation id). A pair that has a conflict already, open or
 * resolved, is left alone: the conflict's stream exists, so opening it again is refused by the event store. A
 * tracking processor, so a registration committed while the registry stops is still handled when it starts again.
 */
@Component
@ProcessingGroup(ConflictOpener.PROCESSING_GROUP)
class ConflictOpener {

    static final String PROCESSING_GROUP = "conflict-opener";

    private final CommandGateway gateway;

    ConflictOpener(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @EventHandler
    void on(PossibleDuplicateDetected event, @MetaDataValue(AxonConfiguration.CORRELATION_ID) String correlationId) {
        for (Isrc candidate : event.candidates()) {
            if (candidate.equals(event.isrc())) {
                continue;
            }
            try {
                gateway.sendAndWait(new OpenConflict(new ConflictId(event.isrc(), candidate),
                        ConflictBasis.SAME_METADATA), MetaData.from(Map.of(AxonConfiguration.ACTOR, "registry",
                        AxonConfiguration.CORRELATION_ID, correlationId == null ? event.isrc().value() : correlationId)));
            } catch (AggregateStreamCreationException | ConcurrencyException exists) {
                // The pair's conflict was opened before: it does not come back.
            }
        }
    }
}
