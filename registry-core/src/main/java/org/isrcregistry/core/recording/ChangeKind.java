package org.isrcregistry.core.recording;

/**
 * What changed between a recording and the one being declared. A change to the audio needs a new
 * ISRC; a change in how the same audio is sold, licensed or distributed keeps the ISRC (IFPI, "When
 * to assign a new ISRC"; US ISRC Agency assignment guidelines).
 */
public enum ChangeKind {
    REMIX(true),
    EDIT(true),
    DIFFERENT_PLAYING_TIME(true),
    EXCERPT(true),
    RESTORATION_WITH_CREATIVE_INPUT(true),
    /** IFPI leaves remasters to the owner; declaring one as a version means the owner chose a new code. */
    REMASTER(true),
    LIVE(true),
    COMPILATION_OF_MODIFIED_RECORDINGS(true),
    OTHER(true),
    NEW_RELEASE(false),
    NEW_FORMAT(false),
    NEW_TERRITORY(false),
    LICENCE(false),
    NEW_OWNER(false),
    NEW_DISTRIBUTOR(false);

    private final boolean needsNewIsrc;

    ChangeKind(boolean needsNewIsrc) {
        this.needsNewIsrc = needsNewIsrc;
    }

    public boolean needsNewIsrc() {
        return needsNewIsrc;
    }
}
