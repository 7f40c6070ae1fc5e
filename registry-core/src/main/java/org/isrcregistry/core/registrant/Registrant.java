package org.isrcregistry.core.registrant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.CONFLICT;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.REGISTRANT_ALREADY_REGISTERED;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.REGISTRANT_INACTIVE;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.REGISTRANT_NOT_REGISTERED;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.RULE_REFUSED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.isrcregistry.core.rule.RegistryRuleException;

/**
 * The agency's file on a registrant: who it is, what kind, a manager's terms, whether it still trades. Its prefixes
 * point at it (the prefix holds the registrant id), so a transfer changes the prefix, not this file.
 *
 * <p>Every handler is CREATE_IF_MISSING so that a command on an unknown registrant is refused with a problem rather
 * than an exception of the framework (nothing is stored for a refused command).
 */
public class Registrant {

    @AggregateIdentifier
    private String id;
    private RegistrantId registrantId;
    private RegistrantDetails details;
    private RegistrantKind kind;
    private ManagerTerms terms;
    private boolean active;
    /** An ISRC Manager's clients by name (case and spacing aside): each authorises the manager once. */
    private Map<String, ClientId> clients = new HashMap<>();

    public Registrant() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RegistrantId handle(RegisterRegistrant command) {
        if (registrantId != null) {
            throw new RegistryRuleException(REGISTRANT_ALREADY_REGISTERED, "id",
                    "registrant " + registrantId + " is already registered",
                    "Update the registrant (PUT /v1/registrants/" + registrantId + ") instead.");
        }
        apply(new RegistrantRegistered(command.registrantId(), command.details(), command.kind(), command.terms(),
                command.since()));
        return command.registrantId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UpdateRegistrant command) {
        requireRegistered(command.registrantId());
        if (kind == RegistrantKind.ISRC_MANAGER && command.terms() == null) {
            throw new RegistryRuleException(RULE_REFUSED, "volumeTier",
                    "registrant " + registrantId + " is an ISRC_MANAGER: its volume tier cannot be left out",
                    "Send the manager's volumeTier (and yearlyCap if it differs from the tier's default).");
        }
        if (kind == RegistrantKind.PRODUCER && command.terms() != null) {
            throw new RegistryRuleException(RULE_REFUSED, "volumeTier",
                    "registrant " + registrantId + " is a PRODUCER: only an ISRC Manager has a tier and a cap",
                    "Leave volumeTier and yearlyCap out.");
        }
        List<String> changed = new ArrayList<>();
        if (!details.legalName().equals(command.details().legalName())) {
            changed.add("legalName");
        }
        if (!details.tradingNames().equals(command.details().tradingNames())) {
            changed.add("tradingNames");
        }
        if (!details.country().equals(command.details().country())) {
            changed.add("country");
        }
        if (!Objects.equals(terms, command.terms())) {
            changed.add("terms");
        }
        if (command.contactsChanged()) {
            changed.add("contacts");
        }
        if (!changed.isEmpty()) {
            apply(new RegistrantUpdated(registrantId, command.details(), command.terms(), List.copyOf(changed),
                    command.reason()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EraseContacts command) {
        requireRegistered(command.registrantId());
        apply(new ContactsErased(registrantId, command.requestReference()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ClientId handle(AuthoriseClient command) {
        requireRegistered(command.registrantId());
        if (kind != RegistrantKind.ISRC_MANAGER) {
            throw new RegistryRuleException(RULE_REFUSED, "registrantId",
                    "registrant " + registrantId + " is a " + kind + ": only an ISRC Manager assigns codes for clients",
                    "Record the authorisation with the ISRC Manager the owner authorised.");
        }
        if (!active) {
            throw new RegistryRuleException(REGISTRANT_INACTIVE, "registrantId",
                    "registrant " + registrantId + " is deactivated: it takes no new clients",
                    "Ask the agency to reactivate the manager's file, or authorise an active manager.");
        }
        ClientId existing = clients.get(clientKey(command.client()));
        if (existing != null) {
            throw new RegistryRuleException(CONFLICT, "client",
                    "\"" + command.client() + "\" already authorised this manager (client " + existing + ")",
                    "Assign codes for client " + existing + "; an authorisation is recorded once per client.");
        }
        apply(new ClientAuthorised(registrantId, command.clientId(), command.client(), command.authorisedOn(),
                command.evidenceReference()));
        return command.clientId();
    }

    private static String clientKey(String name) {
        return String.join(" ", name.toLowerCase(Locale.ROOT).split("\\s+"));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeactivateRegistrant command) {
        requireRegistered(command.registrantId());
        if (active) {
            apply(new RegistrantDeactivated(registrantId, command.reason()));
        }
    }

    private void requireRegistered(RegistrantId target) {
        if (registrantId == null) {
            throw notRegistered(target, "id");
        }
    }

    /** The refusal of a command naming a registrant the agency has no file on. */
    public static RegistryRuleException notRegistered(RegistrantId target, String field) {
        return new RegistryRuleException(REGISTRANT_NOT_REGISTERED, field,
                "no registrant " + target + " is registered",
                "Check the registrant id (GET /v1/registrants lists them), or register the registrant first.");
    }

    /** The refusal of a new prefix for a registrant that stopped trading. */
    public static RegistryRuleException inactive(RegistrantId target, String field) {
        return new RegistryRuleException(REGISTRANT_INACTIVE, field,
                "registrant " + target + " is deactivated: it gets no new prefixes",
                "Allocate the prefix to a registrant that still trades.");
    }

    @EventSourcingHandler
    void on(RegistrantRegistered event) {
        id = event.registrantId().toString();
        registrantId = event.registrantId();
        details = event.details();
        kind = event.kind();
        terms = event.terms();
        active = true;
    }

    @EventSourcingHandler
    void on(RegistrantUpdated event) {
        details = event.details();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(ClientAuthorised event) {
        clients.put(clientKey(event.client()), event.clientId());
    }

    @EventSourcingHandler
    void on(RegistrantDeactivated event) {
        active = false;
    }
}
