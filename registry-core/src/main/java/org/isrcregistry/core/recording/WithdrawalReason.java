package org.isrcregistry.core.recording;

public enum WithdrawalReason {
    ASSIGNED_IN_ERROR,
    /** The recording already had an ISRC; the withdrawn code points at it. */
    DUPLICATE
}
