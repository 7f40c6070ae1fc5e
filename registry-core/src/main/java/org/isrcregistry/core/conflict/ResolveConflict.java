package org.isrcregistry.core.conflict;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.isrcregistry.core.identifier.Isrc;

/**
 * Closes an open conflict. As {@link ConflictResolution#DUPLICATE}, {@code withdrawn} is the code already withdrawn
 * (through the recording's own withdrawal) as a duplicate of the other; as distinct recordings, it is null.
 */
public record ResolveConflict(ConflictId conflictId, ConflictResolution resolution, Isrc withdrawn, String reason) {

    public ResolveConflict {
        if (conflictId == null || resolution == null) {
            throw new IllegalArgumentException("a resolution names its conflict and what it decided");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a resolution gives its reason");
        }
        reason = reason.strip();
        if ((resolution == ConflictResolution.DUPLICATE) != (withdrawn != null)) {
            throw new IllegalArgumentException("a duplicate names the withdrawn code, and only a duplicate does");
        }
        if (withdrawn != null && !conflictId.involves(withdrawn)) {
            throw new IllegalArgumentException(withdrawn.display() + " is not one of the conflict's two codes");
        }
    }

    @TargetAggregateIdentifier
    public String target() {
        return conflictId.value();
    }
}
