package org.isrcregistry.api.prefix;

import java.util.List;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.api.security.TokenChanges;
import org.isrcregistry.api.prefix.PrefixController.RangeRequest;
import org.isrcregistry.api.prefix.PrefixController.RegisterPrefixRequest;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.registrant.Contact;
import org.isrcregistry.api.registrant.RegistrantRecords;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.prefix.ReinstatePrefix;
import org.isrcregistry.core.prefix.SuspendPrefix;
import org.isrcregistry.core.prefix.TransferPrefix;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.prefix.PrefixQueries;
import org.isrcregistry.projections.prefix.PrefixView;
import org.isrcregistry.projections.jdbc.Page;
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
    private final TokenChanges tokenChanges;
    private final RegistrantRecords records;

    Prefixes(RegistryCommands commands, PrefixQueries queries, ReadYourWrites readYourWrites,
             TokenChanges tokenChanges, RegistrantRecords records) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.tokenChanges = tokenChanges;
        this.records = records;
    }

    public PrefixView register(RegisterPrefixRequest request) {
        if (request.prefix() == null && request.countryCode() == null) {
            throw new RegistryRuleException(RegistryRuleException.Kind.RULE_REFUSED, "prefix",
                    "neither a prefix nor a country code was given",
                    "Send \"prefix\" (e.g. \"CA-K7Q\") or \"countryCode\" (e.g. \"CA\") for the next free registrant code.");
        }
        if ((request.registrantId() == null) == (request.registrant() == null)) {
            throw new InvalidFieldException("registrantId", request.registrantId() == null
                    ? "no registrant was named" : "both registrantId and registrant were given",
                    "Send \"registrantId\": the id of a registrant on file (POST /v1/registrants registers one).");
        }
        DesignationRange range = request.range() == null ? null : range(request.range());
        CountryCode country = request.prefix() != null ? request.prefix().countryCode() : request.countryCode();
        PrefixCode registered = request.registrantId() != null
                ? commands.send(new RegisterPrefix(request.prefix(), request.countryCode(), request.registrantId(), range))
                : records.inTransaction(() -> commands.send(new RegisterPrefix(request.prefix(), request.countryCode(),
                        records.register(new RegistrantDetails(request.registrant().name(), List.of(), country),
                                RegistrantKind.PRODUCER, null, null, Contact.fromText(request.registrant().contact())),
                        range)));
        return current(registered);
    }

    /** @throws RegistryRuleException PREFIX_NOT_REGISTERED */
    public PrefixView get(PrefixCode code) {
        return queries.find(code).orElseThrow(() -> new RegistryRuleException(
                RegistryRuleException.Kind.PREFIX_NOT_REGISTERED, "prefix", code.display() + " is not registered",
                "Check the prefix code, or ask the agency to register it."));
    }

    public Page<PrefixView> search(PrefixQueries.Criteria criteria, int page, int size) {
        return queries.search(criteria, page, size);
    }

    public PrefixView transfer(PrefixCode prefix, RegistrantId registrant, String reason) {
        commands.send(new TransferPrefix(prefix, registrant, reason));
        return current(prefix);
    }

    public PrefixView suspend(PrefixCode prefix, String reason) {
        commands.send(new SuspendPrefix(prefix, reason));
        return current(prefix);
    }

    public PrefixView reinstate(PrefixCode prefix) {
        commands.send(new ReinstatePrefix(prefix));
        return current(prefix);
    }

    /** After a change: the read model shows it, and a registrant's token covers the prefixes it now holds. */
    private PrefixView current(PrefixCode prefix) {
        readYourWrites.awaitProjections(PrefixProjection.PROCESSING_GROUP);
        tokenChanges.sync();
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
