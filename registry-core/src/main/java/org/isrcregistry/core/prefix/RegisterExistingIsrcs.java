package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.RecordingDetails;

import java.util.List;
import java.util.Objects;

/**
 * Records ISRCs assigned before the registry existed, or by the registrant itself, all of one prefix, in one unit of
 * work (a bulk import; a single {@code PUT} is a batch of one): each registration is decided on its own, and a refused
 * one does not stop the others. Returns one {@link RegistrationOutcome} per registration, in order.
 */
public record RegisterExistingIsrcs(PrefixCode prefixCode, List<Registration> registrations)
        implements PrefixCommand {

    /** One existing code and the recording it identifies. */
    public record Registration(Isrc isrc, RecordingDetails recording) {

        public Registration {
            Objects.requireNonNull(isrc, "isrc is required");
            Objects.requireNonNull(recording, "recording is required");
        }
    }

    public RegisterExistingIsrcs {
        Objects.requireNonNull(prefixCode, "prefix code is required");
        registrations = List.copyOf(registrations);
        for (Registration registration : registrations) {
            if (!registration.isrc().prefixCode().equals(prefixCode)) {
                throw new IllegalArgumentException(registration.isrc().display() + " is not under " + prefixCode.display());
            }
        }
    }
}
