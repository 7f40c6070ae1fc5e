package org.isrcregistry.core.event;

/** Every event of the registry. {@link #subject()} is the natural key consumers use: the ISRC or the prefix code. */
public interface RegistryEvent {

    String subject();
}
