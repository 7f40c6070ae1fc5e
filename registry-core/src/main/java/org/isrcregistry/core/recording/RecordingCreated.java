package org.isrcregistry.core.recording;

import org.isrcregistry.core.event.RecordingEvent;

/** The first event of every recording's stream. */
public interface RecordingCreated extends RecordingEvent {

    RecordingDetails details();
}
