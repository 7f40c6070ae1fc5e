package org.isrcregistry.core.prefix;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;
import static org.isrcregistry.core.testing.Batches.*;
import static org.isrcregistry.core.testing.PrefixFixtures.prefixFixture;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

class ExistingIsrcRegistrationTest {

    private final RecordingStore store = new RecordingStore();
    private final FixtureConfiguration<Prefix> fixture = prefixFixture(store);
    private final Isrc legacy = isrc(12, 345);
    private final RecordingDetails song = details(song());

    @Test
    void registersAnExistingCodeAndTakesItsDesignation() {
        fixture.given(prefixRegistered())
                .when(register(legacy, song))
                .expectEvents(new DesignationTaken(PREFIX, legacy, DesignationOrigin.IMPORTED))
                .expectResultMessagePayloadMatching(registered(legacy));

        assertThat(store.eventsOf(legacy)).containsExactly(new ExistingIsrcRegistered(legacy, song));
    }

    @Test
    void registersAnExistingCodeWhileThePrefixIsSuspended() {
        fixture.given(prefixRegistered(), new PrefixSuspended(PREFIX, "unpaid fees"))
                .when(register(legacy, song))
                .expectEvents(new DesignationTaken(PREFIX, legacy, DesignationOrigin.IMPORTED));
    }

    @Test
    void refusesACodeWhosePrefixIsNotRegistered() {
        fixture.givenNoPriorActivity()
                .when(register(legacy, song))
                .expectNoEvents()
                .expectException(refused(PREFIX_NOT_REGISTERED, "CA-K7Q is not a registered prefix"));
    }

    @Test
    void refusesACodeAlreadyRegisteredForAnotherRecordingAndNamesIt() {
        store.given(recordingAssigned(isrc26(0), song));
        fixture.given(prefixRegistered(), assigned(isrc26(0)))
                .when(register(isrc26(0), details(metadata("Autre chanson", 180))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refusedOnly(CODE_ALREADY_REGISTERED,
                        "CA-K7Q-26-00000 is already registered, for \"Les saisons\" by Ariane Tremblay"));
    }

    @Test
    void registeringTheSameCodeWithTheSameDetailsAgainChangesNothing() {
        store.given(new ExistingIsrcRegistered(legacy, song));
        fixture.given(prefixRegistered(), new DesignationTaken(PREFIX, legacy, DesignationOrigin.IMPORTED))
                .when(register(legacy, song))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(alreadyRegistered(legacy));

        assertThat(store.eventsOf(legacy)).hasSize(1);
    }

    @Test
    void refusesAudioThatAlreadyHasAnActiveIsrc() {
        store.given(recordingAssigned(isrc26(0), details(song(), fingerprint('b'))));
        fixture.given(prefixRegistered(), assigned(isrc26(0)))
                .when(register(legacy, details(metadata("Les saisons (1998)", 198), fingerprint('b'))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refusedOnly(DUPLICATE_AUDIO, "this audio already has ISRC CA-K7Q-26-00000"));
    }

    @Test
    void reportsAPossibleDuplicate() {
        store.given(recordingAssigned(isrc26(0), song));
        fixture.given(prefixRegistered(), assigned(isrc26(0)))
                .when(register(legacy, song))
                .expectResultMessagePayloadMatching(registered(legacy, isrc26(0)));
    }
}
