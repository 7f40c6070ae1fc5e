package org.isrcregistry.core.registrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.REGISTRANT_ALREADY_REGISTERED;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.REGISTRANT_NOT_REGISTERED;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.RULE_REFUSED;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.REGISTRANT;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.CountryCode;
import org.junit.jupiter.api.Test;

class RegistrantTest {

    private static final CountryCode CA = CountryCode.parse("CA");
    private static final RegistrantDetails NORDET = new RegistrantDetails("Disques Nordet inc.",
            List.of("Disques Nordet"), CA);
    private static final ManagerTerms LOW = ManagerTerms.of(VolumeTier.LOW_VOLUME, null);

    private final FixtureConfiguration<Registrant> fixture = new AggregateTestFixture<>(Registrant.class);

    private static RegistrantRegistered producer() {
        return new RegistrantRegistered(REGISTRANT, NORDET, RegistrantKind.PRODUCER, null, null);
    }

    @Test
    void registersAProducer() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRegistrant(REGISTRANT, NORDET, RegistrantKind.PRODUCER, null, null))
                .expectEvents(producer());
    }

    @Test
    void aLowVolumeManagerIsCappedAt10000CodesAYearUnlessTheAgencySaysOtherwise() {
        assertThat(LOW.yearlyCap()).isEqualTo(10_000);
        assertThat(ManagerTerms.of(VolumeTier.LOW_VOLUME, 2_500).yearlyCap()).isEqualTo(2_500);
        assertThat(ManagerTerms.of(VolumeTier.HIGH_VOLUME, null).yearlyCap()).isNull();
        fixture.givenNoPriorActivity()
                .when(new RegisterRegistrant(REGISTRANT, NORDET, RegistrantKind.ISRC_MANAGER, LOW, null))
                .expectEvents(new RegistrantRegistered(REGISTRANT, NORDET, RegistrantKind.ISRC_MANAGER, LOW, null));
    }

    @Test
    void aManagerNeedsATierAndOnlyAManagerHasOne() {
        assertThatThrownBy(() -> new RegisterRegistrant(REGISTRANT, NORDET, RegistrantKind.ISRC_MANAGER, null, null))
                .hasMessageContaining("volumeTier");
        assertThatThrownBy(() -> new RegisterRegistrant(REGISTRANT, NORDET, RegistrantKind.PRODUCER, LOW, null))
                .hasMessageContaining("only an ISRC_MANAGER");
    }

    @Test
    void refusesToRegisterTheSameRegistrantTwice() {
        fixture.given(producer())
                .when(new RegisterRegistrant(REGISTRANT, NORDET, RegistrantKind.PRODUCER, null, null))
                .expectNoEvents()
                .expectException(refused(REGISTRANT_ALREADY_REGISTERED, "already registered"));
    }

    @Test
    void anUpdateRecordsWhatChangedAndWhy() {
        RegistrantDetails renamed = new RegistrantDetails("Nordet Musique inc.", List.of("Disques Nordet"), CA);
        fixture.given(producer())
                .when(new UpdateRegistrant(REGISTRANT, renamed, null, true, "new legal name after the merger"))
                .expectEvents(new RegistrantUpdated(REGISTRANT, renamed, null, List.of("legalName", "contacts"),
                        "new legal name after the merger"));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(producer())
                .when(new UpdateRegistrant(REGISTRANT, NORDET, null, false, "checked"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aProducerGetsNoManagerTerms() {
        fixture.given(producer())
                .when(new UpdateRegistrant(REGISTRANT, NORDET, LOW, false, "now a manager"))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "is a PRODUCER"));
    }

    @Test
    void deactivatesOnce() {
        fixture.given(producer())
                .when(new DeactivateRegistrant(REGISTRANT, "stopped trading"))
                .expectEvents(new RegistrantDeactivated(REGISTRANT, "stopped trading"));
        fixture.given(producer(), new RegistrantDeactivated(REGISTRANT, "stopped trading"))
                .when(new DeactivateRegistrant(REGISTRANT, "stopped trading"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToChangeAnUnknownRegistrant() {
        fixture.givenNoPriorActivity()
                .when(new DeactivateRegistrant(REGISTRANT, "stopped trading"))
                .expectNoEvents()
                .expectException(refused(REGISTRANT_NOT_REGISTERED, "no registrant " + REGISTRANT));
    }
}
