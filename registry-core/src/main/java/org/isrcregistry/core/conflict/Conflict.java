package org.isrcregistry.core.conflict;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.isrcregistry.core.rule.RegistryRuleException;

/**
 * A possible duplicate under review: open until the agency or the registrant decides. Its identifier is the pair, so
 * the event store's unique stream keeps a pair from ever being opened twice, whatever was decided.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Conflict {

    @AggregateIdentifier
    private String id;
    private ConflictId conflictId;
    private boolean resolved;

    public Conflict() {
    }

    @CommandHandler
    public Conflict(OpenConflict command) {
        apply(new ConflictOpened(command.conflictId(), command.basis()));
    }

    /** The duplicate's withdrawal is the recording's own command, sent first; this records the decision. */
    @CommandHandler
    public void handle(ResolveConflict command) {
        if (resolved) {
            throw new RegistryRuleException(RegistryRuleException.Kind.CONFLICT, "conflict",
                    "the conflict " + conflictId + " is resolved already", "A resolved conflict stays resolved.");
        }
        apply(new ConflictResolved(conflictId, command.resolution(), command.withdrawn(),
                command.withdrawn() == null ? null : conflictId.other(command.withdrawn()), command.reason()));
    }

    @EventSourcingHandler
    void on(ConflictOpened event) {
        id = event.conflictId().value();
        conflictId = event.conflictId();
    }

    @EventSourcingHandler
    void on(ConflictResolved event) {
        resolved = true;
    }
}
