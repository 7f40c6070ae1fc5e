package org.isrcregistry.core.prefix;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.isrcregistry.core.identifier.PrefixCode;

/** A command on one prefix; the prefix aggregate's identifier is the 5-character prefix code. */
public interface PrefixCommand {

    PrefixCode prefixCode();

    @TargetAggregateIdentifier
    default String targetPrefix() {
        PrefixCode prefixCode = prefixCode();
        return prefixCode == null ? null : prefixCode.value();
    }
}
