package org.isrcregistry.core.conflict;

public enum ConflictResolution {
    /** Two recordings after all: both codes stay. */
    DISTINCT_RECORDINGS,
    /** One recording: one code was withdrawn as a duplicate of the other, the survivor. */
    DUPLICATE
}
