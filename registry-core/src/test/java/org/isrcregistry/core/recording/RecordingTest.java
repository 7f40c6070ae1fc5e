package org.isrcregistry.core.recording;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.Ean;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.identifier.Upc;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

class RecordingTest {

    private static final Isrc ISRC = isrc26(0);
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    private static final Release ALBUM = new Release(Upc.parse("036000291452"), "Saisons", "CD", Set.of("CA", "FR"));
    private static final Iswc WORK = Iswc.parse("T-034.524.680-1");

    private final RecordingStore store = new RecordingStore();
    private final FixtureConfiguration<Recording> fixture = recordingFixture(RecordingRules.defaults());
    private final IsrcAssigned assignedSong = recordingAssigned(ISRC, details(song()));

    private FixtureConfiguration<Recording> recordingFixture(RecordingRules rules) {
        FixtureConfiguration<Recording> recordingFixture = new AggregateTestFixture<>(Recording.class);
        recordingFixture.registerInjectableResource(rules);
        recordingFixture.registerInjectableResource(store.recordings());
        return recordingFixture;
    }

    private static RecordingMetadata songLasting(long millis) {
        RecordingMetadata song = song();
        return new RecordingMetadata(song.title(), song.versionTitle(), song.mainArtist(), song.contributors(),
                RecordingDuration.ofMillis(millis), song.kind(), song.firstPublished());
    }

    @Test
    void transfersOwnershipAndKeepsTheIsrc() {
        fixture.given(assignedSong)
                .when(new TransferOwnership(ISRC, "Label Boréal", MARCH))
                .expectEvents(new OwnershipTransferred(ISRC, OWNER, "Label Boréal", MARCH));
    }

    @Test
    void transferringToTheCurrentOwnerChangesNothing() {
        fixture.given(assignedSong)
                .when(new TransferOwnership(ISRC, OWNER, MARCH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesATransferEffectiveBeforeTheLastOne() {
        fixture.given(assignedSong, new OwnershipTransferred(ISRC, OWNER, "Label Boréal", MARCH))
                .when(new TransferOwnership(ISRC, "Third Owner", MARCH.minusDays(1)))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "is before the last transfer of ownership (2026-03-01)"));
    }

    @Test
    void changesTheDistributorAndKeepsTheIsrc() {
        fixture.given(assignedSong)
                .when(new ChangeDistributor(ISRC, "DistroNord", MARCH))
                .expectEvents(new DistributorChanged(ISRC, null, "DistroNord", MARCH));
    }

    @Test
    void changingToTheCurrentDistributorChangesNothing() {
        fixture.given(assignedSong, new DistributorChanged(ISRC, null, "DistroNord", MARCH))
                .when(new ChangeDistributor(ISRC, "DistroNord", MARCH.plusDays(3)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesADistributorChangeEffectiveBeforeTheLastOne() {
        fixture.given(assignedSong, new DistributorChanged(ISRC, null, "DistroNord", MARCH))
                .when(new ChangeDistributor(ISRC, "DistroSud", MARCH.minusMonths(1)))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "is before the last change of distributor"));
    }

    @Test
    void correctsATypoInTheMetadata() {
        RecordingMetadata corrected = metadata("Les saisons", 198);
        RecordingMetadata typo = metadata("Les saisosn", 198);
        fixture.given(recordingAssigned(ISRC, details(typo)))
                .when(new CorrectMetadata(ISRC, corrected, "typo in the title"))
                .expectEvents(new MetadataCorrected(ISRC, corrected, "typo in the title"));
    }

    @Test
    void aCorrectionOfSomeFieldsKeepsTheOthersAsTheRecordingHasThemNow() {
        RecordingMetadata typo = metadata("Les saisosn", 198);
        RecordingMetadata live = withVersion(typo, "Live");
        RecordingMetadata corrected = withVersion(metadata("Les saisons", 198), "Live");
        fixture.given(recordingAssigned(ISRC, details(typo)),
                        new MetadataCorrected(ISRC, live, "version title from the label copy"))
                .when(new CorrectMetadata(ISRC, new MetadataCorrection("Les saisons", null, null, null, null, null,
                        null), "typo in the title"))
                .expectEvents(new MetadataCorrected(ISRC, corrected, "typo in the title"));
    }

    @Test
    void aBlankVersionTitleInACorrectionRemovesIt() {
        RecordingMetadata studio = metadata("Les saisons", 198);
        fixture.given(recordingAssigned(ISRC, details(withVersion(studio, "Live"))))
                .when(new CorrectMetadata(ISRC, new MetadataCorrection(null, "", null, null, null, null, null),
                        "not a live recording"))
                .expectEvents(new MetadataCorrected(ISRC, studio, "not a live recording"));
    }

    private static RecordingMetadata withVersion(RecordingMetadata m, String versionTitle) {
        return new RecordingMetadata(m.title(), versionTitle, m.mainArtist(), m.contributors(), m.duration(), m.kind(),
                m.firstPublished());
    }

    @Test
    void anIdenticalCorrectionChangesNothing() {
        fixture.given(assignedSong)
                .when(new CorrectMetadata(ISRC, song(), "resubmitted"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsADurationCorrectionWithinTheTolerance() {
        fixture.given(recordingAssigned(ISRC, details(songLasting(198_000))))
                .when(new CorrectMetadata(ISRC, songLasting(208_000), "measured on the master"))
                .expectEvents(new MetadataCorrected(ISRC, songLasting(208_000), "measured on the master"));
    }

    @Test
    void refusesADurationChangeBeyondTheToleranceAsAChangedAudio() {
        fixture.given(recordingAssigned(ISRC, details(songLasting(198_000))))
                .when(new CorrectMetadata(ISRC, songLasting(208_001), "new fade-out"))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "the audio changed; declare a new version"));
    }

    @Test
    void appliesTheAgencysConfiguredTolerance() {
        recordingFixture(new RecordingRules(Duration.ofSeconds(3)))
                .given(recordingAssigned(ISRC, details(songLasting(198_000))))
                .when(new CorrectMetadata(ISRC, songLasting(202_000), "new fade-out"))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "more than the 3 s a correction allows"));
    }

    @Test
    void refusesAChangeOfKindAsAChangedAudio() {
        fixture.given(assignedSong)
                .when(new CorrectMetadata(ISRC, video(), "it is a video"))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "cannot change the kind from AUDIO to VIDEO: the audio changed"));
    }

    @Test
    void linksAReleaseAndAnyNumberMore() {
        Release single = new Release(Ean.parse("4006381333931"), "Les saisons", "Digital single", Set.of());
        fixture.given(assignedSong, new ReleaseLinked(ISRC, ALBUM))
                .when(new LinkRelease(ISRC, single))
                .expectEvents(new ReleaseLinked(ISRC, single));
    }

    @Test
    void linkingTheSameReleaseTwiceChangesNothing() {
        fixture.given(assignedSong, new ReleaseLinked(ISRC, ALBUM))
                .when(new LinkRelease(ISRC, ALBUM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAReleaseCodeAlreadyLinkedWithOtherDetails() {
        fixture.given(assignedSong, new ReleaseLinked(ISRC, ALBUM))
                .when(new LinkRelease(ISRC, new Release(ALBUM.code(), "Other title", "LP", Set.of())))
                .expectNoEvents()
                .expectException(refused(CONFLICT, "release 036000291452 is already linked with other details"));
    }

    @Test
    void linksAWork() {
        fixture.given(assignedSong)
                .when(new LinkWork(ISRC, WORK))
                .expectEvents(new WorkLinked(ISRC, WORK));
    }

    @Test
    void linkingTheSameWorkTwiceChangesNothing() {
        fixture.given(assignedSong, new WorkLinked(ISRC, WORK))
                .when(new LinkWork(ISRC, WORK))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void withdrawsAnIsrcAssignedInError() {
        fixture.given(assignedSong)
                .when(WithdrawIsrc.assignedInError(ISRC))
                .expectEvents(new IsrcWithdrawn(ISRC, WithdrawalReason.ASSIGNED_IN_ERROR, null));
    }

    @Test
    void withdrawsADuplicateAndPointsAtTheIsrcKept() {
        Isrc original = isrc(24, 7);
        store.given(recordingAssigned(original, details(song())));
        fixture.given(assignedSong)
                .when(WithdrawIsrc.asDuplicateOf(ISRC, original))
                .expectEvents(new IsrcWithdrawn(ISRC, WithdrawalReason.DUPLICATE, original));
    }

    @Test
    void refusesADuplicateOfItself() {
        fixture.given(assignedSong)
                .when(WithdrawIsrc.asDuplicateOf(ISRC, ISRC))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "cannot be a duplicate of itself"));
    }

    @Test
    void refusesADuplicateOfAWithdrawnIsrc() {
        Isrc original = isrc(24, 7);
        store.given(recordingAssigned(original, details(song())),
                new IsrcWithdrawn(original, WithdrawalReason.ASSIGNED_IN_ERROR, null));
        fixture.given(assignedSong)
                .when(WithdrawIsrc.asDuplicateOf(ISRC, original))
                .expectNoEvents()
                .expectException(refused(WITHDRAWN, "CA-K7Q-24-00007 is itself withdrawn"));
    }

    @Test
    void refusesADuplicateOfAnUnregisteredIsrc() {
        fixture.given(assignedSong)
                .when(WithdrawIsrc.asDuplicateOf(ISRC, isrc(24, 7)))
                .expectNoEvents()
                .expectException(refused(NOT_FOUND, "CA-K7Q-24-00007 is not registered"));
    }

    static Stream<RecordingCommand> everyChange() {
        return Stream.of(
                new TransferOwnership(ISRC, "Label Boréal", MARCH),
                new ChangeDistributor(ISRC, "DistroNord", MARCH),
                new CorrectMetadata(ISRC, metadata("Les saisons!", 198), "typo"),
                new LinkRelease(ISRC, ALBUM),
                new LinkWork(ISRC, WORK),
                WithdrawIsrc.assignedInError(ISRC));
    }

    @ParameterizedTest
    @MethodSource("everyChange")
    void aWithdrawnIsrcRefusesEveryChange(RecordingCommand change) {
        fixture.given(assignedSong, new IsrcWithdrawn(ISRC, WithdrawalReason.ASSIGNED_IN_ERROR, null))
                .when(change)
                .expectNoEvents()
                .expectException(refused(WITHDRAWN, "CA-K7Q-26-00000 is withdrawn for ever"));
    }

    @Test
    void commandsOnAnUnregisteredIsrcFindNoRecording() {
        fixture.givenNoPriorActivity()
                .when(new LinkWork(ISRC, WORK))
                .expectException(AggregateNotFoundException.class);
    }
}
