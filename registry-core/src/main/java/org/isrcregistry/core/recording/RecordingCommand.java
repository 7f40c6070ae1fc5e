package org.isrcregistry.core.recording;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.isrcregistry.core.identifier.Isrc;

/** A command on one recording; the recording aggregate's identifier is the ISRC's 12 characters. */
public interface RecordingCommand {

    Isrc isrc();

    @TargetAggregateIdentifier
    default String targetRecording() {
        return isrc().value();
    }
}
