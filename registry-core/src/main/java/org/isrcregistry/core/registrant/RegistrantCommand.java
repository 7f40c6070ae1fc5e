package org.isrcregistry.core.registrant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command on one registrant; the aggregate's identifier is the registrant id. */
public interface RegistrantCommand {

    RegistrantId registrantId();

    @TargetAggregateIdentifier
    default String targetRegistrant() {
        return registrantId().toString();
    }
}
