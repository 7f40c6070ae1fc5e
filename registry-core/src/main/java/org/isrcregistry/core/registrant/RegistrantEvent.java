package org.isrcregistry.core.registrant;

import org.isrcregistry.core.event.RestrictedEvent;

/** An event on a registrant's stream; its subject is the registrant id. Never on a public topic. */
public interface RegistrantEvent extends RestrictedEvent {

    RegistrantId registrantId();

    @Override
    default String subject() {
        return registrantId().toString();
    }
}
