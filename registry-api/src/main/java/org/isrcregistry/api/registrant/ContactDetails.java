package org.isrcregistry.api.registrant;

import java.time.Instant;
import java.util.List;

/**
 * A registrant's contacts and postal address as the agency holds them now.
 *
 * @param erasedAt when they were erased on request (then the rest is empty); null if they never were
 */
public record ContactDetails(String postalAddress, List<Contact> contacts, Instant updatedAt, Instant erasedAt) {
}
