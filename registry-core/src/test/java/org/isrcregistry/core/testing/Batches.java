package org.isrcregistry.core.testing;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.AssignIsrcs;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs;
import org.isrcregistry.core.prefix.RegistrationOutcome;
import org.isrcregistry.core.prefix.RegistrationOutcome.Result;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.rule.RegistryRuleException;

import java.util.List;
import java.util.Map;

/** Batches of one, as a single request sends them, and what their one outcome must be. */
public final class Batches {

    private Batches() {
    }

    public static AssignIsrcs assign(PrefixCode prefix, RecordingDetails recording) {
        return new AssignIsrcs(prefix, List.of(new AssignIsrcs.Request(recording, Map.of())));
    }

    public static RegisterExistingIsrcs register(Isrc isrc, RecordingDetails recording) {
        return new RegisterExistingIsrcs(isrc.prefixCode(),
                List.of(new RegisterExistingIsrcs.Registration(isrc, recording)));
    }

    public static Matcher<List<RegistrationOutcome>> registered(Isrc isrc, Isrc... possibleDuplicates) {
        return only(new RegistrationOutcome(isrc, Result.REGISTERED, List.of(possibleDuplicates), null));
    }

    public static Matcher<List<RegistrationOutcome>> alreadyRegistered(Isrc isrc, Isrc... possibleDuplicates) {
        return only(new RegistrationOutcome(isrc, Result.ALREADY_REGISTERED, List.of(possibleDuplicates), null));
    }

    private static Matcher<List<RegistrationOutcome>> only(RegistrationOutcome expected) {
        return new CustomTypeSafeMatcher<>("only " + expected) {
            @Override
            protected boolean matchesSafely(List<RegistrationOutcome> outcomes) {
                return outcomes.equals(List.of(expected));
            }
        };
    }

    /** The one request refused, with a refusal of this kind whose message contains {@code text}. */
    public static Matcher<List<RegistrationOutcome>> refusedOnly(RegistryRuleException.Kind kind, String text) {
        Matcher<RegistryRuleException> refusal = Refusals.refused(kind, text);
        return new CustomTypeSafeMatcher<>("only a request refused: " + refusal) {
            @Override
            protected boolean matchesSafely(List<RegistrationOutcome> outcomes) {
                return outcomes.size() == 1 && outcomes.get(0).result() == Result.REFUSED
                        && refusal.matches(outcomes.get(0).refusal());
            }
        };
    }
}
