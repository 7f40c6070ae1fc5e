package org.isrcregistry.api.prefix;

import java.util.List;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.api.prefix.PrefixController.RangeRequest;
import org.isrcregistry.api.prefix.PrefixController.RegisterPrefixRequest;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.prefix.Registrant;
import org.isrcregistry.core.prefix.ReinstatePrefix;
import org.isrcregistry.core.prefix.SuspendPrefix;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.prefix.PrefixQueries;
import org.isrcregistry.projections.prefix.PrefixView;
import org.springframework.stereotype.Service;

/**
 * The agency's prefixes, for the HTTP API and the console alike: each change answers with the prefix once the read
 * model shows it.
 */
@Service
public class Prefixes {

    private final RegistryCommands commands;
    private final PrefixQueries queries;
    private final ReadYourWrites readYourWrites;

    Prefixes(RegistryCommands commands, PrefixQueries queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    public PrefixView register(RegisterPrefixRequest request) {
        if (request.prefix() == null && request.countryCode() == null) {
            throw new RegistryRuleException(RegistryRuleException.Kind.RULE_REFUSED, "prefix",
                    "neither a prefix nor a country code was given",
                    "Send \"prefix\" (e.g. \"CA-K7Q\") or \"countryCode\" (e.g. \"CA\") for the next free registrant code.");
        }
        DesignationRange range = request.range() == null ? null : range(request.range());
        PrefixCode registered = commands.send(new RegisterPrefix(request.prefix(), request.countryCode(),
                new Registrant(request.registrant().name(), request.registrant().contact()), range));
        return current(registered);
    }

    /** @throws RegistryRuleException PREFIX_NOT_REGISTERED */
    public PrefixView get(PrefixCode code) {
        return queries.find(code).orElseThrow(() -> new RegistryRuleException(
                RegistryRuleException.Kind.PREFIX_NOT_REGISTERED, "prefix", code.display() + " is not registered",
                "Check the prefix code, or ask the agency to register it."));
    }

    public PrefixView suspend(PrefixCode prefix, String reason) {
        commands.send(new SuspendPrefix(prefix, reason));
        return current(prefix);
    }

    public PrefixView reinstate(PrefixCode prefix) {
        commands.send(new ReinstatePrefix(prefix));
        return current(prefix);
    }

    /** Prefixes whose code or registrant's name contains {@code text} (all when blank), in code order. */
    public List<PrefixView> search(String text, int limit) {
        return queries.search(text, limit);
    }

    private PrefixView current(PrefixCode prefix) {
        readYourWrites.awaitProjections(PrefixProjection.PROCESSING_GROUP);
        return get(prefix);
    }

    private static DesignationRange range(RangeRequest range) {
        try {
            return new DesignationRange(range.first(), range.last());
        } catch (IllegalArgumentException e) {
            throw new RegistryRuleException(RegistryRuleException.Kind.RULE_REFUSED, "range", e.getMessage(),
                    "Send a range with 0 <= first <= last <= 99999.");
        }
    }
}
