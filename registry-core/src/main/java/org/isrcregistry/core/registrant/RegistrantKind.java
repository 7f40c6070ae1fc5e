package org.isrcregistry.core.registrant;

/**
 * IFPI's two kinds of registrant: a first owner of recordings (label, artist, producer) that assigns codes to its own
 * recordings, or an ISRC Manager that assigns codes on behalf of its clients under a manager prefix.
 */
public enum RegistrantKind {
    PRODUCER,
    ISRC_MANAGER
}
