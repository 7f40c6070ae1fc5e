package org.isrcregistry.core.prefix;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.identifier.PrefixCode;

/** Revision 1 held the registrant as a plain name: see PrefixRegisteredUpcaster. */
@Revision("2")
public record PrefixRegistered(PrefixCode prefixCode, Registrant registrant, DesignationRange range)
        implements PrefixEvent {
}
