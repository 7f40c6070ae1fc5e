package org.isrcregistry.core.prefix;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.PossibleDuplicateDetected;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.WithdrawalReason;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;
import static org.isrcregistry.core.testing.Batches.*;
import static org.isrcregistry.core.testing.PrefixFixtures.prefixFixture;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

class IsrcAssignmentTest {

    private final RecordingStore store = new RecordingStore();
    private final FixtureConfiguration<Prefix> fixture = prefixFixture(store);
    private final RecordingDetails song = details(song());

    @Test
    void assignsTheFirstDesignationOfTheCurrentYearAndCreatesTheRecording() {
        fixture.given(prefixRegistered())
                .when(assign(PREFIX, song))
                .expectEvents(assigned(isrc26(0)))
                .expectResultMessagePayloadMatching(registered(isrc26(0)));

        assertThat(store.eventsOf(isrc26(0))).containsExactly(recordingAssigned(isrc26(0), song));
    }

    @Test
    void assignsTheNextDesignationAfterThoseTaken() {
        fixture.given(prefixRegistered(), assigned(isrc26(0)), assigned(isrc26(1)))
                .when(assign(PREFIX, song))
                .expectEvents(assigned(isrc26(2)));
    }

    @Test
    void skipsDesignationsTakenByImportedCodes() {
        fixture.given(prefixRegistered(), assigned(isrc26(0)),
                        new DesignationTaken(PREFIX, isrc26(1), DesignationOrigin.IMPORTED),
                        new DesignationTaken(PREFIX, isrc26(2), DesignationOrigin.IMPORTED))
                .when(assign(PREFIX, song))
                .expectEvents(assigned(isrc26(3)));
    }

    @Test
    void neverIssuesAgainTheDesignationOfAWithdrawnIsrc() {
        store.given(recordingAssigned(isrc26(0), song),
                new IsrcWithdrawn(isrc26(0), WithdrawalReason.ASSIGNED_IN_ERROR, null));
        fixture.given(prefixRegistered(), assigned(isrc26(0)))
                .when(assign(PREFIX, song))
                .expectEvents(assigned(isrc26(1)));
    }

    @Test
    void startsAtTheFirstDesignationOfTheAllocatedRange() {
        fixture.given(new PrefixRegistered(PREFIX, new DesignationRange(50_000, 59_999)))
                .when(assign(PREFIX, song))
                .expectEvents(assigned(isrc26(50_000)));
    }

    @Test
    void startsAgainFromTheFirstDesignationInANewYear() {
        fixture.given(prefixRegistered(), assigned(isrc(25, 0)), assigned(isrc(25, 1)))
                .when(assign(PREFIX, song))
                .expectEvents(assigned(isrc26(0)));
    }

    @Test
    void takesTheYearOfReferenceInTheAgencysTimeZone() {
        Clock newYearsEveInUtc = Clock.fixed(Instant.parse("2025-12-31T20:00:00Z"), ZoneOffset.UTC);
        FixtureConfiguration<Prefix> inTokyo = prefixFixture(store,
                new RegistryCalendar(newYearsEveInUtc, ZoneId.of("Asia/Tokyo")), country -> Optional.empty());
        inTokyo.given(prefixRegistered())
                .when(assign(PREFIX, song))
                .expectEvents(assigned(isrc26(0)));
        prefixFixture(store, newYearsEveInUtc).given(prefixRegistered())
                .when(assign(PREFIX, song))
                .expectEvents(assigned(isrc(25, 0)));
    }

    @Test
    void refusesWhenTheYearsRangeIsUsedUp() {
        fixture.given(new PrefixRegistered(PREFIX, new DesignationRange(7, 8)),
                        assigned(isrc26(7)), assigned(isrc26(8)))
                .when(assign(PREFIX, song))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refusedOnly(RANGE_EXHAUSTED, "every designation (00007-00008) of CA-K7Q is used for year 26"));
    }

    @Test
    void refusesNewCodesWhileThePrefixIsSuspended() {
        fixture.given(prefixRegistered(), new PrefixSuspended(PREFIX, "unpaid fees"))
                .when(assign(PREFIX, song))
                .expectNoEvents()
                .expectException(refused(PREFIX_SUSPENDED, "suspended"));
    }

    @Test
    void refusesAnUnregisteredPrefix() {
        fixture.givenNoPriorActivity()
                .when(assign(PREFIX, song))
                .expectNoEvents()
                .expectException(refused(PREFIX_NOT_REGISTERED, "CA-K7Q is not a registered prefix"));
        assertThat(store.eventsOf(isrc26(0))).isEmpty();
    }

    @Test
    void refusesAudioThatAlreadyHasAnActiveIsrc() {
        store.given(recordingAssigned(isrc(24, 5), details(song(), fingerprint('a'))));
        fixture.given(prefixRegistered())
                .when(assign(PREFIX, details(metadata("Another title", 200), fingerprint('a'))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refusedOnly(DUPLICATE_AUDIO, "this audio already has ISRC CA-K7Q-24-00005"));
    }

    @Test
    void acceptsTheAudioOfAWithdrawnRecording() {
        store.given(recordingAssigned(isrc(24, 5), details(song(), fingerprint('a'))),
                new IsrcWithdrawn(isrc(24, 5), WithdrawalReason.ASSIGNED_IN_ERROR, null));
        fixture.given(prefixRegistered())
                .when(assign(PREFIX, details(song(), fingerprint('a'))))
                .expectEvents(assigned(isrc26(0)));
    }

    @Test
    void reportsAPossibleDuplicateInTheResultAndAsAnEvent() {
        Isrc existing = isrc(24, 5);
        store.given(recordingAssigned(existing, details(metadata("Les  Saisons", 199))));
        RecordingDetails lookalike = details(metadata("LES SAISONS", 200));

        fixture.given(prefixRegistered())
                .when(assign(PREFIX, lookalike))
                .expectEvents(assigned(isrc26(0)))
                .expectResultMessagePayloadMatching(registered(isrc26(0), existing));

        assertThat(store.eventsOf(isrc26(0))).containsExactly(recordingAssigned(isrc26(0), lookalike),
                new PossibleDuplicateDetected(isrc26(0), List.of(existing)));
    }

    @Test
    void assignsAMusicVideoItsOwnIsrcPointingAtItsAudio() {
        Isrc audio = isrc26(0);
        store.given(recordingAssigned(audio, song));
        RecordingDetails video = new RecordingDetails(video(), OWNER, null, null, audio);

        fixture.given(prefixRegistered(), assigned(audio))
                .when(assign(PREFIX, video))
                .expectEvents(assigned(isrc26(1)));

        assertThat(store.eventsOf(isrc26(1))).containsExactly(recordingAssigned(isrc26(1), video));
    }

    @Test
    void refusesAMusicVideoPointingAtAnotherVideo() {
        Isrc otherVideo = isrc26(0);
        store.given(recordingAssigned(otherVideo, details(video())));
        fixture.given(prefixRegistered(), assigned(otherVideo))
                .when(assign(PREFIX, new RecordingDetails(video(), OWNER, null, null, otherVideo)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refusedOnly(RULE_REFUSED, "CA-K7Q-26-00000 is a VIDEO, not an audio recording"));
    }

    @Test
    void refusesAMusicVideoPointingAtAnUnregisteredRecording() {
        fixture.given(prefixRegistered())
                .when(assign(PREFIX, new RecordingDetails(video(), OWNER, null, null, isrc(24, 9))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refusedOnly(NOT_FOUND, "CA-K7Q-24-00009 is not registered"));
    }
}
