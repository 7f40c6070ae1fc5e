package org.isrcregistry.core.testing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.prefix.AgencyCountryCodes;
import org.isrcregistry.core.prefix.Prefix;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.Registrants;
import org.isrcregistry.core.prefix.RegistryCalendar;
import org.isrcregistry.core.prefix.RegistrantCodes;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class PrefixFixtures {

    /** The registrants on file: {@link Samples#REGISTRANT} and {@link Samples#OTHER_REGISTRANT} trade, one stopped. */
    public static final RegistrantId STOPPED_TRADING = RegistrantId.parse("0d5b7a2c-3e4f-4a1b-9c8d-7e6f5a4b3c2d");
    private static final Registrants REGISTRANTS = id -> Optional.ofNullable(Map.of(
            Samples.REGISTRANT, new Registrants.Registrant(Samples.REGISTRANT, RegistrantKind.PRODUCER, true, null),
            Samples.OTHER_REGISTRANT, new Registrants.Registrant(Samples.OTHER_REGISTRANT, RegistrantKind.PRODUCER,
                    true, null),
            STOPPED_TRADING, new Registrants.Registrant(STOPPED_TRADING, RegistrantKind.PRODUCER, false, null))
            .get(id));

    private PrefixFixtures() {
    }

    /** A Prefix fixture whose recordings live in {@code store}, with every resource the handlers need. */
    public static FixtureConfiguration<Prefix> prefixFixture(RecordingStore store, RegistryCalendar calendar,
                                                             RegistrantCodes registrantCodes) {
        FixtureConfiguration<Prefix> fixture = new AggregateTestFixture<>(Prefix.class);
        fixture.registerRepositoryProvider(store.repositoryProvider());
        fixture.registerInjectableResource(calendar);
        fixture.registerInjectableResource(store.catalogue());
        fixture.registerInjectableResource(store.recordings());
        fixture.registerInjectableResource(registrantCodes);
        fixture.registerInjectableResource(REGISTRANTS);
        fixture.registerInjectableResource(new AgencyCountryCodes(Set.of(CountryCode.parse("CA"))));
        return fixture;
    }

    public static FixtureConfiguration<Prefix> prefixFixture(RecordingStore store, Clock clock) {
        return prefixFixture(store, new RegistryCalendar(clock, ZoneOffset.UTC), country -> Optional.empty());
    }

    public static FixtureConfiguration<Prefix> prefixFixture(RecordingStore store) {
        return prefixFixture(store, Samples.IN_2026);
    }
}
