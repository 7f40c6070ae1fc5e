package org.isrcregistry.api;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.AssignIsrcs;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs;
import org.isrcregistry.core.prefix.RegistrationOutcome;
import org.isrcregistry.core.recording.RecordingDetails;

import java.util.List;
import java.util.Map;

/** The batch commands with one request, as a single HTTP request sends them, and their one answer. */
public final class BatchOfOne {

    private BatchOfOne() {
    }

    public static AssignIsrcs assign(PrefixCode prefix, RecordingDetails recording) {
        return new AssignIsrcs(prefix, List.of(new AssignIsrcs.Request(recording, Map.of())));
    }

    public static RegisterExistingIsrcs register(Isrc isrc, RecordingDetails recording) {
        return new RegisterExistingIsrcs(isrc.prefixCode(),
                List.of(new RegisterExistingIsrcs.Registration(isrc, recording)));
    }

    /** The one outcome as a registration, or its refusal thrown (as the HTTP API answers it). */
    public static IsrcRegistration registration(List<RegistrationOutcome> outcomes) {
        RegistrationOutcome outcome = outcomes.get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return new IsrcRegistration(outcome.isrc(), outcome.possibleDuplicates());
    }
}
