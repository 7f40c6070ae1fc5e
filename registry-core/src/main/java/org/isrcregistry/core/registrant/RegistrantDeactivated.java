package org.isrcregistry.core.registrant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RegistrantDeactivated(RegistrantId registrantId, String reason) implements RegistrantEvent {
}
