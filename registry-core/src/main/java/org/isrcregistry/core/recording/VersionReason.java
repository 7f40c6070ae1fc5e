package org.isrcregistry.core.recording;

import org.isrcregistry.core.input.Text;

import static org.isrcregistry.core.recording.Require.present;

/** Why a new version was declared; {@link ChangeKind#OTHER} must say what changed. */
public record VersionReason(ChangeKind change, String description) {

    public VersionReason {
        present(change, "change");
        description = Text.optionalLine(description, "description", Text.TITLE);
        if (change == ChangeKind.OTHER && description == null) {
            throw new IllegalArgumentException("a change of kind OTHER needs a description");
        }
    }

    public static VersionReason of(ChangeKind change) {
        return new VersionReason(change, null);
    }
}
