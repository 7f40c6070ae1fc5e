package org.isrcregistry.core.recording;

import org.isrcregistry.core.input.Text;

/** A performer or other contributor and their role (DDEX role names, e.g. "Vocals", "Producer"). */
public record Contributor(String name, String role) {

    public Contributor {
        name = Text.line(name, "name", Text.NAME);
        role = Text.line(role, "role", Text.LABEL);
    }
}
