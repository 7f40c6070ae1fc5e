package org.isrcregistry.projections.recording;

import java.util.List;

/** One page of recordings in ISRC order; {@code next} is the cursor of the following page, null on the last. */
public record RecordingPage(List<RecordingState> items, String next) {
}
