package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;

import static org.isrcregistry.core.recording.Require.present;

public record LinkRelease(Isrc isrc, Release release) implements RecordingCommand {

    public LinkRelease {
        present(isrc, "isrc");
        present(release, "release");
    }
}
