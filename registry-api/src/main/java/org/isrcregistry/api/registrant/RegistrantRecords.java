package org.isrcregistry.api.registrant;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.core.registrant.DeactivateRegistrant;
import org.isrcregistry.core.registrant.EraseContacts;
import org.isrcregistry.core.registrant.ManagerTerms;
import org.isrcregistry.core.registrant.RegisterRegistrant;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.UpdateRegistrant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to the agency's file on registrants. A command and the contacts it comes with commit in one transaction (the
 * command's unit of work joins it), so a refused command stores no contacts and contacts never outlive a failed
 * registration.
 */
@Component
public class RegistrantRecords {

    private final RegistryCommands commands;
    private final RegistrantContacts contacts;
    private final TransactionTemplate transactions;

    RegistrantRecords(RegistryCommands commands, RegistrantContacts contacts, TransactionTemplate transactions) {
        this.commands = commands;
        this.contacts = contacts;
        this.transactions = transactions;
    }

    public RegistrantId register(RegistrantDetails details, RegistrantKind kind, ManagerTerms terms,
                                 String postalAddress, List<Contact> contactList) {
        return inTransaction(() -> register(RegistrantId.random(), details, kind, terms, null, postalAddress,
                contactList));
    }

    /** A registration and what follows it (a first prefix) as one transaction: all of it or nothing. */
    public <T> T inTransaction(Supplier<T> work) {
        return RegistryCommands.retryingRaces(() -> transactions.execute(status -> work.get()));
    }

    /** In the caller's transaction. */
    RegistrantId register(RegistrantId id, RegistrantDetails details, RegistrantKind kind, ManagerTerms terms,
                          Instant since, String postalAddress, List<Contact> contactList) {
        commands.send(new RegisterRegistrant(id, details, kind, terms, since));
        contacts.save(id, postalAddress, contactList);
        return id;
    }

    /** In the caller's transaction. */
    void saveContacts(RegistrantId id, String postalAddress, List<Contact> contactList) {
        contacts.save(id, postalAddress, contactList);
    }

    void update(RegistrantId id, RegistrantDetails details, ManagerTerms terms, String postalAddress,
                List<Contact> contactList, String reason) {
        inTransaction(() -> {
            boolean contactsChanged = contacts.differ(id, postalAddress, contactList);
            commands.send(new UpdateRegistrant(id, details, terms, contactsChanged, reason));
            if (contactsChanged) {
                contacts.save(id, postalAddress, contactList);
            }
            return null;
        });
    }

    /** The erasure is recorded in the history (what and on which request), the contacts themselves are gone. */
    void eraseContacts(RegistrantId id, String requestReference) {
        inTransaction(() -> {
            commands.send(new EraseContacts(id, requestReference));
            contacts.erase(id, RegistryCommands.actor(), requestReference);
            return null;
        });
    }

    void deactivate(RegistrantId id, String reason) {
        commands.send(new DeactivateRegistrant(id, reason));
    }
}
