package org.isrcregistry.core.prefix;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.isrcregistry.core.prefix.RegistrationOutcome.Result;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;
import static org.isrcregistry.core.testing.PrefixFixtures.prefixFixture;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

class BatchAssignmentTest {

    private final RecordingStore store = new RecordingStore();
    private final FixtureConfiguration<Prefix> fixture = prefixFixture(store);
    private final RecordingDetails song = details(song());
    private final RecordingDetails other = details(metadata("Autre chanson", 240));
    private final RecordingDetails third = details(metadata("Troisième", 120));

    private static AssignIsrcs batch(RecordingDetails... recordings) {
        return new AssignIsrcs(PREFIX, Arrays.stream(recordings).map(r -> new AssignIsrcs.Request(r, Map.of())).toList());
    }

    /** The outcomes' results in order, and the refusals' kinds (null where assigned). */
    private static CustomTypeSafeMatcher<List<RegistrationOutcome>> outcomes(List<Result> results,
                                                                            List<RegistryRuleException.Kind> refusals) {
        return new CustomTypeSafeMatcher<>("results " + results + ", refusals " + refusals) {
            @Override
            protected boolean matchesSafely(List<RegistrationOutcome> list) {
                return list.stream().map(RegistrationOutcome::result).toList().equals(results)
                        && list.stream().map(o -> o.refusal() == null ? null : o.refusal().kind()).toList()
                        .equals(refusals);
            }
        };
    }

    @Test
    void givesEachRequestTheNextDesignationInOneUnitOfWork() {
        fixture.given(prefixRegistered(), assigned(isrc26(0)))
                .when(batch(song, other, third))
                .expectEvents(assigned(isrc26(1)), assigned(isrc26(2)), assigned(isrc26(3)))
                .expectResultMessagePayload(List.of(
                        new RegistrationOutcome(isrc26(1), Result.REGISTERED, List.of(), null),
                        new RegistrationOutcome(isrc26(2), Result.REGISTERED, List.of(), null),
                        new RegistrationOutcome(isrc26(3), Result.REGISTERED, List.of(), null)));

        assertThat(store.eventsOf(isrc26(3))).containsExactly(recordingAssigned(isrc26(3), third));
    }

    @Test
    void theSameAudioTwiceInABatchGetsOneCodeAndTheNextRequestNoGap() {
        fixture.given(prefixRegistered())
                .when(batch(details(song(), fingerprint('c')), details(metadata("Remix?", 200), fingerprint('c')),
                        other))
                .expectEvents(assigned(isrc26(0)), assigned(isrc26(1)))
                .expectResultMessagePayloadMatching(outcomes(List.of(Result.REGISTERED, Result.REFUSED, Result.REGISTERED),
                        Arrays.asList(null, DUPLICATE_AUDIO, null)));

        assertThat(store.eventsOf(isrc26(1))).containsExactly(recordingAssigned(isrc26(1), other));
    }

    @Test
    void audioAlreadyInTheCatalogueIsRefusedAndTheOthersAssigned() {
        store.given(recordingAssigned(isrc(25, 7), details(song(), fingerprint('d'))));
        fixture.given(prefixRegistered(), assigned(isrc(25, 7)))
                .when(batch(other, details(metadata("Same audio", 198), fingerprint('d'))))
                .expectEvents(assigned(isrc26(0)))
                .expectResultMessagePayloadMatching(outcomes(List.of(Result.REGISTERED, Result.REFUSED),
                        Arrays.asList(null, DUPLICATE_AUDIO)));
    }

    @Test
    void aPossibleDuplicateOfAnEarlierRequestIsReported() {
        fixture.given(prefixRegistered())
                .when(batch(song, song))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<List<RegistrationOutcome>>(
                        "second names the first") {
                    @Override
                    protected boolean matchesSafely(List<RegistrationOutcome> list) {
                        return list.get(1).possibleDuplicates().equals(List.of(isrc26(0)));
                    }
                });
    }

    @Test
    void requestsBeyondTheRangeAreRefusedOnTheirOwn() {
        fixture.given(new PrefixRegistered(PREFIX, new DesignationRange(7, 8)))
                .when(batch(song, other, third))
                .expectEvents(assigned(isrc26(7)), assigned(isrc26(8)))
                .expectResultMessagePayloadMatching(outcomes(List.of(Result.REGISTERED, Result.REGISTERED, Result.REFUSED),
                        Arrays.asList(null, null, RANGE_EXHAUSTED)));
    }

    @Test
    void aSuspendedPrefixRefusesTheWholeBatch() {
        fixture.given(prefixRegistered(), new PrefixSuspended(PREFIX, "unpaid fees"))
                .when(batch(song, other))
                .expectNoEvents()
                .expectException(refused(PREFIX_SUSPENDED, "is suspended"));
    }

    @Test
    void eachRequestsEventsCarryItsOwnMetaData() {
        AssignIsrcs command = new AssignIsrcs(PREFIX, List.of(
                new AssignIsrcs.Request(song, Map.of("actor", "alice", "correlationId", "req-1")),
                new AssignIsrcs.Request(other, Map.of("actor", "bob", "correlationId", "req-2"))));
        fixture.given(prefixRegistered())
                .when(command, Map.of("actor", "registry", "correlationId", "batch"))
                .expectEventsMatching(new CustomTypeSafeMatcher<List<EventMessage<?>>>("alice's, then bob's") {
                    @Override
                    protected boolean matchesSafely(List<EventMessage<?>> events) {
                        return events.size() == 2
                                && "alice".equals(events.get(0).getMetaData().get("actor"))
                                && "req-1".equals(events.get(0).getMetaData().get("correlationId"))
                                && "bob".equals(events.get(1).getMetaData().get("actor"))
                                && "req-2".equals(events.get(1).getMetaData().get("correlationId"));
                    }
                });

        assertThat(store.metaDataOf(isrc26(1))).containsEntry("actor", "bob").containsEntry("correlationId", "req-2");
    }
}
