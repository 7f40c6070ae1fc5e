package org.isrcregistry.api.security;

/** What a token may do: the rows of the roles table in docs/security.md. */
public enum Role {
    /** A label or distributor: writes and reads on its own prefixes only. */
    REGISTRANT,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** The national agency's staff: everything, including prefixes, administration and tokens. */
    AGENCY;

    String authority() {
        return "ROLE_" + name();
    }
}
