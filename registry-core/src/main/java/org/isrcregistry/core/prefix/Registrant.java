package org.isrcregistry.core.prefix;

import org.isrcregistry.core.input.Text;

/** The label, artist or distributor a prefix is allocated to; the contact is optional. */
public record Registrant(String name, String contact) {

    public Registrant {
        name = Text.line(name, "name", Text.NAME);
        contact = Text.optionalLine(contact, "contact", Text.NAME);
    }

    public static Registrant named(String name) {
        return new Registrant(name, null);
    }
}
