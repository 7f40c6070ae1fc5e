package org.isrcregistry.core.conflict;

/** Why two ISRCs may name one recording (the duplicate report's two tests, docs/compliance.md). */
public enum ConflictBasis {
    /** The same audio fingerprint. */
    SAME_FINGERPRINT,
    /** The same normalised main artist, title, version title and kind, durations within 2 s. */
    SAME_METADATA
}
