package org.isrcregistry.core.prefix;

/** The label, artist or distributor a prefix is allocated to; the contact is optional. */
public record Registrant(String name, String contact) {

    public Registrant {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("registrant name is required");
        }
        name = name.strip();
        contact = contact == null || contact.isBlank() ? null : contact.strip();
    }

    public static Registrant named(String name) {
        return new Registrant(name, null);
    }
}
