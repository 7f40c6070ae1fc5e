package org.isrcregistry.core.prefix;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs.Registration;
import org.isrcregistry.core.prefix.RegistrationOutcome.Result;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;
import static org.isrcregistry.core.testing.PrefixFixtures.prefixFixture;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

class BatchRegistrationTest {

    private final RecordingStore store = new RecordingStore();
    private final FixtureConfiguration<Prefix> fixture = prefixFixture(store);
    private final RecordingDetails song = details(song());
    private final RecordingDetails other = details(metadata("Autre chanson", 240));

    private static RegisterExistingIsrcs batch(Registration... registrations) {
        return new RegisterExistingIsrcs(PREFIX, List.of(registrations));
    }

    @SuppressWarnings("unchecked")
    private static List<RegistrationOutcome> outcomes(Object payload) {
        return (List<RegistrationOutcome>) payload;
    }

    @Test
    void registersEveryCodeAndTakesTheirDesignationsInOneUnitOfWork() {
        fixture.given(prefixRegistered())
                .when(batch(new Registration(isrc(12, 1), song), new Registration(isrc(12, 2), other)))
                .expectEvents(new DesignationTaken(PREFIX, isrc(12, 1), DesignationOrigin.IMPORTED),
                        new DesignationTaken(PREFIX, isrc(12, 2), DesignationOrigin.IMPORTED))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.equalTo(List.of(
                        new RegistrationOutcome(isrc(12, 1), Result.REGISTERED, List.of(), null),
                        new RegistrationOutcome(isrc(12, 2), Result.REGISTERED, List.of(), null))));

        assertThat(store.eventsOf(isrc(12, 2))).containsExactly(new ExistingIsrcRegistered(isrc(12, 2), other));
    }

    @Test
    void aRefusedRegistrationDoesNotStopTheOthers() {
        store.given(recordingAssigned(isrc26(0), song));
        fixture.given(prefixRegistered(), assigned(isrc26(0)))
                .when(batch(new Registration(isrc26(0), other), new Registration(isrc(12, 2), other)))
                .expectEvents(new DesignationTaken(PREFIX, isrc(12, 2), DesignationOrigin.IMPORTED))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasSize(2));
    }

    @Test
    void theSameCodeTwiceInOneBatchIsRegisteredOnceThenAlreadyRegistered() {
        fixture.given(prefixRegistered())
                .when(batch(new Registration(isrc(12, 1), song), new Registration(isrc(12, 1), song),
                        new Registration(isrc(12, 1), other)))
                .expectEvents(new DesignationTaken(PREFIX, isrc(12, 1), DesignationOrigin.IMPORTED))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<List<RegistrationOutcome>>(
                        "registered, already registered, refused") {
                    @Override
                    protected boolean matchesSafely(List<RegistrationOutcome> list) {
                        return list.stream().map(RegistrationOutcome::result).toList()
                                .equals(List.of(Result.REGISTERED, Result.ALREADY_REGISTERED, Result.REFUSED))
                                && list.get(2).refusal().kind() == CODE_ALREADY_REGISTERED;
                    }
                });
    }

    @Test
    void theSameAudioTwiceInOneBatchIsRefusedTheSecondTime() {
        fixture.given(prefixRegistered())
                .when(batch(new Registration(isrc(12, 1), details(song(), fingerprint('c'))),
                        new Registration(isrc(12, 2), details(metadata("Remix?", 200), fingerprint('c')))))
                .expectEvents(new DesignationTaken(PREFIX, isrc(12, 1), DesignationOrigin.IMPORTED))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<List<RegistrationOutcome>>(
                        "second refused as duplicate audio") {
                    @Override
                    protected boolean matchesSafely(List<RegistrationOutcome> list) {
                        return list.get(1).result() == Result.REFUSED && list.get(1).refusal().kind() == DUPLICATE_AUDIO;
                    }
                });
    }

    @Test
    void aPossibleDuplicateWithinTheBatchIsReported() {
        Isrc first = isrc(12, 1);
        fixture.given(prefixRegistered())
                .when(batch(new Registration(first, song), new Registration(isrc(12, 2), song)))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<List<RegistrationOutcome>>(
                        "second names the first") {
                    @Override
                    protected boolean matchesSafely(List<RegistrationOutcome> list) {
                        return list.get(1).possibleDuplicates().equals(List.of(first));
                    }
                });
    }

    @Test
    void aBatchForAnUnregisteredPrefixIsRefusedWhole() {
        fixture.givenNoPriorActivity()
                .when(batch(new Registration(isrc(12, 1), song)))
                .expectNoEvents()
                .expectException(refused(PREFIX_NOT_REGISTERED, "CA-K7Q is not a registered prefix"));
    }

    @Test
    void aBatchOnlyHoldsCodesOfItsPrefix() {
        assertThatThrownBy(() -> new RegisterExistingIsrcs(PrefixCode.parse("CA-AAA"),
                List.of(new Registration(isrc(12, 1), song))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not under CA-AAA");
    }
}
