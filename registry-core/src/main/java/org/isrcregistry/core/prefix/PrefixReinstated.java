package org.isrcregistry.core.prefix;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.identifier.PrefixCode;

@Revision("1")
public record PrefixReinstated(PrefixCode prefixCode) implements PrefixEvent {
}
