package org.isrcregistry.core.testing;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.prefix.Prefix;
import org.isrcregistry.core.prefix.RegistryCalendar;
import org.isrcregistry.core.rule.RegistrantCodes;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

public final class PrefixFixtures {

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
        return fixture;
    }

    public static FixtureConfiguration<Prefix> prefixFixture(RecordingStore store, Clock clock) {
        return prefixFixture(store, new RegistryCalendar(clock, ZoneOffset.UTC), country -> Optional.empty());
    }

    public static FixtureConfiguration<Prefix> prefixFixture(RecordingStore store) {
        return prefixFixture(store, Samples.IN_2026);
    }
}
