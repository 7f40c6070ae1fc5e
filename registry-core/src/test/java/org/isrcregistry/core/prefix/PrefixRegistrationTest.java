package org.isrcregistry.core.prefix;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;
import static org.isrcregistry.core.testing.PrefixFixtures.prefixFixture;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

class PrefixRegistrationTest {

    private Optional<String> freeRegistrantCode = Optional.of("B2X");
    private final FixtureConfiguration<Prefix> fixture = prefixFixture(new RecordingStore(),
            new RegistryCalendar(IN_2026, java.time.ZoneOffset.UTC), country -> freeRegistrantCode);

    @Test
    void registersAnExplicitPrefixCodeWithTheFullRange() {
        fixture.givenNoPriorActivity()
                .when(RegisterPrefix.withCode(PREFIX, REGISTRANT))
                .expectEvents(new PrefixRegistered(PREFIX, REGISTRANT, DesignationRange.full()));
    }

    @Test
    void registersTheNextFreeRegistrantCodeWhenOnlyTheCountryIsGiven() {
        fixture.givenNoPriorActivity()
                .when(RegisterPrefix.inCountry(CountryCode.parse("CA"), REGISTRANT))
                .expectEvents(new PrefixRegistered(PrefixCode.parse("CAB2X"), REGISTRANT, DesignationRange.full()));
    }

    @Test
    void registersASubsetOfTheDesignationRange() {
        DesignationRange subset = new DesignationRange(50_000, 59_999);
        fixture.givenNoPriorActivity()
                .when(new RegisterPrefix(PREFIX, null, REGISTRANT, subset))
                .expectEvents(new PrefixRegistered(PREFIX, REGISTRANT, subset));
    }

    @Test
    void refusesAPrefixCodeAlreadyRegistered() {
        fixture.given(prefixRegistered())
                .when(RegisterPrefix.withCode(PREFIX, Registrant.named("Another label")))
                .expectNoEvents()
                .expectException(refused(PREFIX_ALREADY_REGISTERED, "already registered to Disques Nordet"));
    }

    @Test
    void refusesARetiredCountryPrefix() {
        fixture.givenNoPriorActivity()
                .when(RegisterPrefix.withCode(PrefixCode.parse("YUA01"), REGISTRANT))
                .expectNoEvents()
                .expectException(refused(PREFIX_NOT_ALLOCATED, "retired"));
    }

    @Test
    void refusesWhenNoRegistrantCodeIsFreeInTheCountry() {
        freeRegistrantCode = Optional.empty();
        fixture.givenNoPriorActivity()
                .when(RegisterPrefix.inCountry(CountryCode.parse("CA"), REGISTRANT))
                .expectNoEvents()
                .expectException(refused(REGISTRANT_CODES_EXHAUSTED, "no registrant code is free under CA"));
    }

    @Test
    void requiresARegistrantName() {
        assertThatThrownBy(() -> Registrant.named(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name is required");
    }

    @Test
    void suspendsAPrefix() {
        fixture.given(prefixRegistered())
                .when(new SuspendPrefix(PREFIX, "unpaid fees"))
                .expectEvents(new PrefixSuspended(PREFIX, "unpaid fees"));
    }

    @Test
    void suspendingASuspendedPrefixChangesNothing() {
        fixture.given(prefixRegistered(), new PrefixSuspended(PREFIX, "unpaid fees"))
                .when(new SuspendPrefix(PREFIX, "unpaid fees"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToSuspendAnUnregisteredPrefix() {
        fixture.givenNoPriorActivity()
                .when(new SuspendPrefix(PREFIX, "unpaid fees"))
                .expectNoEvents()
                .expectException(refused(PREFIX_NOT_REGISTERED, "CA-K7Q is not a registered prefix"));
    }

    @Test
    void reinstatesASuspendedPrefix() {
        fixture.given(prefixRegistered(), new PrefixSuspended(PREFIX, "unpaid fees"))
                .when(new ReinstatePrefix(PREFIX))
                .expectEvents(new PrefixReinstated(PREFIX));
    }

    @Test
    void reinstatingAnActivePrefixChangesNothing() {
        fixture.given(prefixRegistered())
                .when(new ReinstatePrefix(PREFIX))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
