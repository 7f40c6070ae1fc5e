package org.isrcregistry.projections.recording;

import java.util.List;

/** A recording's parent (null for an original) and the new versions declared of it, in ISRC order. */
public record Lineage(RecordingState parent, List<RecordingState> children) {
}
