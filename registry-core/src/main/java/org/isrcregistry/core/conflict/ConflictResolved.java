package org.isrcregistry.core.conflict;

import org.axonframework.serialization.Revision;
import org.isrcregistry.core.identifier.Isrc;

/** The conflict is closed for good; {@code withdrawn} and {@code survivor} are set for a duplicate. */
@Revision("1")
public record ConflictResolved(ConflictId conflictId, ConflictResolution resolution, Isrc withdrawn, Isrc survivor,
                               String reason) {
}
