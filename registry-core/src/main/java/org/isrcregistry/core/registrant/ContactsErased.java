package org.isrcregistry.core.registrant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContactsErased(RegistrantId registrantId, String requestReference) implements RegistrantEvent {
}
