package org.isrcregistry.core.event;

/**
 * Every event of the registry. {@link #subject()} is the natural key consumers use to order and
 * partition the feed: the ISRC for recording events, the prefix code for prefix events.
 */
public interface RegistryEvent {

    String subject();
}
