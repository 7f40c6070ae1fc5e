package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.RecordingDetails;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Issues the next free ISRCs of one prefix for the current year to new recordings (audio or video) in one unit of work
 * (concurrent requests gathered into one transaction): each request is decided on its own, in order, and a refused one
 * does not stop the others. Returns one {@link RegistrationOutcome} per request, in order ({@code isrc}
 * null when refused).
 */
public record AssignIsrcs(PrefixCode prefixCode, List<Request> requests) implements PrefixCommand {

    /**
     * One request: the new recording, and the metadata its events carry instead of the batch's (who asked, and the
     * correlation id of the request it came from).
     */
    public record Request(RecordingDetails recording, Map<String, ?> metaData) {

        public Request {
            Objects.requireNonNull(recording, "recording is required");
            metaData = metaData == null ? Map.of() : Map.copyOf(metaData);
        }
    }

    public AssignIsrcs {
        Objects.requireNonNull(prefixCode, "prefix code is required");
        requests = List.copyOf(requests);
    }
}
