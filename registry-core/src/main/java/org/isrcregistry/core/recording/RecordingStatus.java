package org.isrcregistry.core.recording;

/** A withdrawn ISRC stays withdrawn for ever; its code is never issued again. */
public enum RecordingStatus {
    ACTIVE,
    WITHDRAWN
}
