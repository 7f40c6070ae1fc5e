package org.isrcregistry.core.conflict;

/** Opens the conflict of a pair; refused if the pair has one already, open or resolved. */
public record OpenConflict(ConflictId conflictId, ConflictBasis basis) {

    public OpenConflict {
        if (conflictId == null || basis == null) {
            throw new IllegalArgumentException("a conflict needs its pair and its basis");
        }
    }
}
