package org.isrcregistry.core.prefix;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.identifier.PrefixCode;

/**
 * A prefix code allocated, with the designations it may issue. Who holds it is not part of this public event: it is
 * {@link PrefixAllocated}'s (IFPI Bulletin 2006/02). Revisions 1 and 2 held the registrant's name and contact: see
 * PrefixRegisteredUpcaster and docs/registrants.md.
 */
@Revision("3")
public record PrefixRegistered(PrefixCode prefixCode, DesignationRange range) implements PrefixEvent {
}
