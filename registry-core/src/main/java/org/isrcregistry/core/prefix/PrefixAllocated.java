package org.isrcregistry.core.prefix;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.event.RestrictedEvent;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;

/** Who holds the prefix from now on: follows its {@link PrefixRegistered}, or records a legacy prefix's holder. */
@Revision("1")
public record PrefixAllocated(PrefixCode prefixCode, RegistrantId registrantId) implements PrefixEvent, RestrictedEvent {
}
