package org.isrcregistry.core.prefix;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.event.RestrictedEvent;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;

/** The prefix changed hands (a label sold or merged); the prefix and every code under it stay the same. */
@Revision("1")
public record PrefixTransferred(PrefixCode prefixCode, RegistrantId from, RegistrantId to, String reason)
        implements PrefixEvent, RestrictedEvent {
}
