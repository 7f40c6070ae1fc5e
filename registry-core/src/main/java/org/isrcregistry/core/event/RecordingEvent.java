package org.isrcregistry.core.event;

import org.isrcregistry.core.identifier.Isrc;

/** An event on a recording's stream; its subject is the ISRC. */
public interface RecordingEvent extends RegistryEvent {

    Isrc isrc();

    @Override
    default String subject() {
        return isrc().value();
    }
}
