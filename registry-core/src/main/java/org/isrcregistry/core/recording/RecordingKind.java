package org.isrcregistry.core.recording;

/** IFPI's content type: a sound recording or a music video. They never share an ISRC. */
public enum RecordingKind {
    AUDIO,
    VIDEO
}
