package org.isrcregistry.core.prefix;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;
import static org.isrcregistry.core.testing.PrefixFixtures.STOPPED_TRADING;
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
                .expectEvents(new PrefixRegistered(PREFIX, DesignationRange.full()), new PrefixAllocated(PREFIX, REGISTRANT));
    }

    @Test
    void registersTheNextFreeRegistrantCodeWhenOnlyTheCountryIsGiven() {
        fixture.givenNoPriorActivity()
                .when(RegisterPrefix.inCountry(CountryCode.parse("CA"), REGISTRANT))
                .expectEvents(new PrefixRegistered(PrefixCode.parse("CAB2X"), DesignationRange.full()),
                        new PrefixAllocated(PrefixCode.parse("CAB2X"), REGISTRANT));
    }

    @Test
    void registersASubsetOfTheDesignationRange() {
        DesignationRange subset = new DesignationRange(50_000, 59_999);
        fixture.givenNoPriorActivity()
                .when(new RegisterPrefix(PREFIX, null, REGISTRANT, subset))
                .expectEvents(new PrefixRegistered(PREFIX, subset), new PrefixAllocated(PREFIX, REGISTRANT));
    }

    @Test
    void refusesAPrefixCodeAlreadyRegistered() {
        fixture.given(prefixRegistered())
                .when(RegisterPrefix.withCode(PREFIX, OTHER_REGISTRANT))
                .expectNoEvents()
                .expectException(refused(PREFIX_ALREADY_REGISTERED, "registrant code K7Q under CA is taken"));
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
    void refusesACountryCodeThatIsNotTheAgencys() {
        fixture.givenNoPriorActivity()
                .when(RegisterPrefix.withCode(PrefixCode.parse("ZZK7Q"), REGISTRANT))
                .expectNoEvents()
                .expectException(refused(COUNTRY_CODE_NOT_AGENCYS, "ZZ is not one of this agency's prefix letters (CA)"));
    }

    @Test
    void refusesAnUnknownRegistrant() {
        fixture.givenNoPriorActivity()
                .when(RegisterPrefix.withCode(PREFIX, RegistrantId.parse("00000000-0000-4000-8000-000000000001")))
                .expectNoEvents()
                .expectException(refused(REGISTRANT_NOT_REGISTERED, "no registrant 00000000-0000-4000-8000-000000000001"));
    }

    @Test
    void refusesARegistrantThatStoppedTrading() {
        fixture.givenNoPriorActivity()
                .when(RegisterPrefix.withCode(PREFIX, STOPPED_TRADING))
                .expectNoEvents()
                .expectException(refused(REGISTRANT_INACTIVE, "deactivated"));
    }

    @Test
    void transfersAPrefixToAnotherRegistrant() {
        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, REGISTRANT))
                .when(new TransferPrefix(PREFIX, OTHER_REGISTRANT, "catalogue sold"))
                .expectEvents(new PrefixTransferred(PREFIX, REGISTRANT, OTHER_REGISTRANT, "catalogue sold"));
    }

    @Test
    void refusesATransferToTheSameHolder() {
        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, REGISTRANT),
                        new PrefixTransferred(PREFIX, REGISTRANT, OTHER_REGISTRANT, "catalogue sold"))
                .when(new TransferPrefix(PREFIX, OTHER_REGISTRANT, "again"))
                .expectNoEvents()
                .expectException(refused(SAME_HOLDER, "already held by registrant " + OTHER_REGISTRANT));
    }

    @Test
    void recordsALegacyPrefixsHolderOnce() {
        fixture.given(prefixRegistered())
                .when(new RecordLegacyHolder(PREFIX, RegistrantId.ofLegacyPrefix(PREFIX)))
                .expectEvents(new PrefixAllocated(PREFIX, RegistrantId.ofLegacyPrefix(PREFIX)));
        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, REGISTRANT))
                .when(new RecordLegacyHolder(PREFIX, RegistrantId.ofLegacyPrefix(PREFIX)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
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
