package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;

import static org.isrcregistry.core.recording.Require.present;

public record LinkWork(Isrc isrc, Iswc iswc) implements RecordingCommand {

    public LinkWork {
        present(isrc, "isrc");
        present(iswc, "iswc");
    }
}
