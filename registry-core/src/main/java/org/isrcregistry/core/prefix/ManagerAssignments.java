package org.isrcregistry.core.prefix;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.CLIENT_NOT_AUTHORISED;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.YEARLY_CAP_REACHED;

import java.util.Locale;
import org.axonframework.messaging.MetaData;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.ManagerClients;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.Registrants;
import org.isrcregistry.core.rule.RegistryRuleException;

/**
 * What an ISRC Manager's prefix adds to each assignment of a batch (IFPI's ISRC Manager terms): the code is assigned
 * for a client who authorised the manager and owns the recording, and the manager stays within its yearly cap over all
 * its prefixes. The cap is counted from a lookup plus the batch's own codes; two batches on two of the manager's
 * prefixes may both pass this check, so the lookup's counter row, written in the same transaction, is the last guard
 * (the later transaction is decided again and refused here).
 */
final class ManagerAssignments {

    /** A producer's prefix (or a legacy prefix whose holder is not recorded yet): no client, no cap. */
    private static final ManagerAssignments NONE = new ManagerAssignments(null, null, null, null, 0, 0);

    private final PrefixCode prefix;
    private final RegistrantId manager;
    private final ManagerClients clients;
    private final Integer cap;
    private final int yearOfReference;
    private int assigned;

    private ManagerAssignments(PrefixCode prefix, RegistrantId manager, ManagerClients clients, Integer cap,
                               int yearOfReference, int assigned) {
        this.prefix = prefix;
        this.manager = manager;
        this.clients = clients;
        this.cap = cap;
        this.yearOfReference = yearOfReference;
        this.assigned = assigned;
    }

    static ManagerAssignments of(PrefixCode prefix, RegistrantId holder, Registrants registrants,
                                 ManagerClients clients, RegistryCalendar calendar) {
        Registrants.Registrant registrant = holder == null ? null : registrants.find(holder).orElse(null);
        if (registrant == null || registrant.kind() != RegistrantKind.ISRC_MANAGER) {
            return NONE;
        }
        int year = calendar.yearOfReference();
        return new ManagerAssignments(prefix, holder, clients, registrant.yearlyCap(), year,
                clients.assignedIn(holder, year));
    }

    /**
     * Refuses a new code (an assignment or a new version) unless it names an authorised client that owns the recording
     * and the cap leaves room.
     *
     * @return the client, null on a producer's prefix
     */
    ClientId check(RecordingDetails recording, ClientId requested) {
        if (manager == null) {
            return null;
        }
        if (requested == null) {
            throw new RegistryRuleException(CLIENT_NOT_AUTHORISED, "client",
                    prefix.display() + " is an ISRC Manager's prefix: every code assigned under it is assigned for a"
                            + " client, and this request names none",
                    "Send \"client\": the id the manager got when it recorded the owner's authorisation"
                            + " (POST /v1/registrants/" + manager + "/clients).");
        }
        ManagerClients.Client client = clients.client(manager, requested).orElseThrow(
                () -> new RegistryRuleException(CLIENT_NOT_AUTHORISED, "client",
                        "the ISRC Manager holding " + prefix.display() + " has no authorisation from client "
                                + requested,
                        "Record the owner's authorisation first (POST /v1/registrants/" + manager
                                + "/clients), then send the client id it answers."));
        if (!sameName(client.name(), recording.owner())) {
            throw new RegistryRuleException(CLIENT_NOT_AUTHORISED, "owner",
                    "the recording's owner \"" + recording.owner() + "\" is not the client \""
                            + client.name() + "\": a manager assigns codes only for the owner who authorised it",
                    "Set owner to \"" + client.name() + "\", or name the client that owns this recording.");
        }
        if (cap != null && assigned >= cap) {
            throw new RegistryRuleException(YEARLY_CAP_REACHED, "client",
                    "the ISRC Manager holding " + prefix.display() + " has reached its yearly cap: " + assigned
                            + " codes assigned for year of reference %02d over all its prefixes, cap %d"
                            .formatted(yearOfReference, cap),
                    "Assign the code next year, or ask the agency to raise the manager's yearlyCap"
                            + " (PUT /v1/registrants/" + manager + ").");
        }
        return client.id();
    }

    /** Records the code as assigned for the client (after its DesignationTaken), and counts it against the cap. */
    void assigned(Isrc isrc, ClientId client, MetaData metaData) {
        if (manager != null) {
            apply(new AssignedForClient(prefix, isrc, manager, client), metaData);
            assigned++;
        }
    }

    private static boolean sameName(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String name) {
        return String.join(" ", name.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }
}
