package org.isrcregistry.core.prefix;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;

/**
 * The prefix's ledger of designations: the ISRC's designation for its year of reference is taken for
 * ever, whatever becomes of the recording.
 */
@Revision("1")
public record DesignationTaken(PrefixCode prefixCode, Isrc isrc, DesignationOrigin origin) implements PrefixEvent {
}
