package org.isrcregistry.core.registrant;

import java.util.Optional;

/**
 * ISRC Managers' authorised clients and the codes assigned for them, for the rule an assignment under a manager's
 * prefix obeys. Answered from lookups written in the same transaction as the events.
 */
public interface ManagerClients {

    /** The client, if {@code manager} recorded its authorisation. */
    Optional<Client> client(RegistrantId manager, ClientId client);

    /** The codes assigned for the manager's clients, over all its prefixes, in this year of reference (two digits). */
    int assignedIn(RegistrantId manager, int yearOfReference);

    record Client(ClientId id, String name) {
    }
}
