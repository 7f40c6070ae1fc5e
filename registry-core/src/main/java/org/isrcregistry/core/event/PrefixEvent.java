package org.isrcregistry.core.event;

import org.isrcregistry.core.identifier.PrefixCode;

/** An event on a prefix's stream; its subject is the prefix code. */
public interface PrefixEvent extends RegistryEvent {

    PrefixCode prefixCode();

    @Override
    default String subject() {
        return prefixCode().value();
    }
}
