package org.isrcregistry.core.recording;

import static org.isrcregistry.core.recording.Require.text;

/** A performer or other contributor and their role (DDEX role names, e.g. "Vocals", "Producer"). */
public record Contributor(String name, String role) {

    public Contributor {
        name = text(name, "contributor name");
        role = text(role, "contributor role");
    }
}
