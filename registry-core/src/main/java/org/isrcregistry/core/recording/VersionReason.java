package org.isrcregistry.core.recording;

import static org.isrcregistry.core.recording.Require.optionalText;
import static org.isrcregistry.core.recording.Require.present;

/** Why a new version was declared; {@link ChangeKind#OTHER} must say what changed. */
public record VersionReason(ChangeKind change, String description) {

    public VersionReason {
        present(change, "change");
        description = optionalText(description);
        if (change == ChangeKind.OTHER && description == null) {
            throw new IllegalArgumentException("a change of kind OTHER needs a description");
        }
    }

    public static VersionReason of(ChangeKind change) {
        return new VersionReason(change, null);
    }
}
