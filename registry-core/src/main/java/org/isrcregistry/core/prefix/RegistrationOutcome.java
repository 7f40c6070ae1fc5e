package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.rule.RegistryRuleException;

import java.util.List;

/** What became of one request of an {@link AssignIsrcs} or {@link RegisterExistingIsrcs}: exactly one of the three. */
public record RegistrationOutcome(Isrc isrc, Result result, List<Isrc> possibleDuplicates,
                                  RegistryRuleException refusal) {

    public enum Result {
        REGISTERED,
        /** The same code with the same details was registered before: nothing changed. */
        ALREADY_REGISTERED,
        REFUSED
    }

    public RegistrationOutcome {
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
    }

    static RegistrationOutcome refused(Isrc isrc, RegistryRuleException refusal) {
        return new RegistrationOutcome(isrc, Result.REFUSED, List.of(), refusal);
    }
}
