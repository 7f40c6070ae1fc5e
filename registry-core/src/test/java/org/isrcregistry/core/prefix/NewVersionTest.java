package org.isrcregistry.core.prefix;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.NewVersionDeclared;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.VersionReason;
import org.isrcregistry.core.recording.WithdrawalReason;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;
import static org.isrcregistry.core.testing.PrefixFixtures.prefixFixture;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

class NewVersionTest {

    /** The parent belongs to another registrant; the remix is declared under CA-K7Q. */
    private final Isrc parent = Isrc.of(PrefixCode.parse("FRZ03"), 19, 42);
    private final RecordingStore store = new RecordingStore()
            .given(recordingAssigned(parent, details(song(), fingerprint('1'))));
    private final FixtureConfiguration<Prefix> fixture = prefixFixture(store);
    private final VersionReason remix = VersionReason.of(ChangeKind.REMIX);
    private final RecordingDetails remixed = details(metadata("Les saisons (Nordet remix)", 245), fingerprint('2'));

    @Test
    void issuesANewIsrcFromTheDeclaringPrefixLinkedBothWaysToItsParent() {
        fixture.given(prefixRegistered())
                .when(new DeclareNewVersion(parent, PREFIX, remix, remixed))
                .expectEvents(assigned(isrc26(0)))
                .expectResultMessagePayload(new IsrcRegistration(isrc26(0), List.of()));

        assertThat(store.eventsOf(isrc26(0))).containsExactly(new IsrcAssigned(isrc26(0), remixed, parent, remix));
        assertThat(store.eventsOf(parent)).last().isEqualTo(new NewVersionDeclared(parent, isrc26(0), remix));
    }

    @ParameterizedTest
    @EnumSource(value = ChangeKind.class,
            names = {"NEW_RELEASE", "NEW_FORMAT", "NEW_TERRITORY", "LICENCE", "NEW_OWNER", "NEW_DISTRIBUTOR"})
    void refusesAChangeThatKeepsTheIsrc(ChangeKind change) {
        fixture.given(prefixRegistered())
                .when(new DeclareNewVersion(parent, PREFIX, VersionReason.of(change), remixed))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "keeps the ISRC: \"the same ISRC must be kept"));
    }

    @Test
    void refusesAVersionWhoseAudioFingerprintEqualsTheParents() {
        fixture.given(prefixRegistered())
                .when(new DeclareNewVersion(parent, PREFIX, remix, details(remixed.metadata(), fingerprint('1'))))
                .expectNoEvents()
                .expectException(refused(RULE_REFUSED, "the audio fingerprint equals FR-Z03-19-00042's"));
    }

    @Test
    void refusesAVersionOfAWithdrawnRecording() {
        store.given(new IsrcWithdrawn(parent, WithdrawalReason.ASSIGNED_IN_ERROR, null));
        fixture.given(prefixRegistered())
                .when(new DeclareNewVersion(parent, PREFIX, remix, remixed))
                .expectNoEvents()
                .expectException(refused(WITHDRAWN, "FR-Z03-19-00042 is withdrawn"));
    }

    @Test
    void refusesAVersionOfAnUnregisteredRecording() {
        fixture.given(prefixRegistered())
                .when(new DeclareNewVersion(isrc(20, 1), PREFIX, remix, remixed))
                .expectNoEvents()
                .expectException(refused(NOT_FOUND, "CA-K7Q-20-00001 is not registered"));
    }

    @Test
    void refusesAVersionFromASuspendedPrefix() {
        fixture.given(prefixRegistered(), new PrefixSuspended(PREFIX, "unpaid fees"))
                .when(new DeclareNewVersion(parent, PREFIX, remix, remixed))
                .expectNoEvents()
                .expectException(refused(PREFIX_SUSPENDED, "suspended"));
        assertThat(store.eventsOf(parent)).hasSize(1);
    }
}
