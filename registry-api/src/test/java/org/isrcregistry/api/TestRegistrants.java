package org.isrcregistry.api;

import java.util.List;
import java.util.function.Function;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.registrant.RegisterRegistrant;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;

/** Registrants on file for tests that send prefix commands themselves. */
public final class TestRegistrants {

    private TestRegistrants() {
    }

    /** A new PRODUCER of this name in this country, registered through the registry's own commands. */
    public static RegistrantId register(RegistryCommands commands, String name, CountryCode country) {
        return register(commands::send, name, country);
    }

    /** The same, sent by {@code send}. */
    public static RegistrantId register(Function<Object, Object> send, String name, CountryCode country) {
        return (RegistrantId) send.apply(new RegisterRegistrant(RegistrantId.random(),
                new RegistrantDetails(name, List.of(), country), RegistrantKind.PRODUCER, null, null));
    }
}
