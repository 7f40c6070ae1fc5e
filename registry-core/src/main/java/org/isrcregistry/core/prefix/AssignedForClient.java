package org.isrcregistry.core.prefix;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.event.RestrictedEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.RegistrantId;

/**
 * An ISRC Manager assigned the code, under its prefix, for this client (who authorised it): follows the code's
 * {@link DesignationTaken}. Who a manager's clients are is the agency's business: restricted, like the registrants.
 */
@Revision("1")
public record AssignedForClient(PrefixCode prefixCode, Isrc isrc, RegistrantId manager, ClientId client)
        implements PrefixEvent, RestrictedEvent {
}
