package org.isrcregistry.projections.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.junit.jupiter.api.Test;

/** The audit's before and after: the fields an event changed, and only those. */
class RecordingFactsTest {

    private static final Isrc ISRC = Isrc.parse("CAK7Q2600001");
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private static RecordingMetadata metadata(String title, long millis) {
        return new RecordingMetadata(title, null, "Ariane Tremblay", List.of(), RecordingDuration.ofMillis(millis),
                RecordingKind.AUDIO, LocalDate.of(2026, 2, 1));
    }

    private static RecordingFacts assigned(boolean prefixSuspended) {
        return RecordingFacts.created(new IsrcAssigned(ISRC, new RecordingDetails(metadata("Les saisons", 198_000),
                "Disques K7Q", null, null, null), null, null), prefixSuspended, AT);
    }

    @Test
    void aCreationShowsEveryFieldItSetWithNothingBefore() {
        Map<String, Map<String, Object>> changes = RecordingFacts.changes(null, assigned(false));
        assertThat(changes).containsOnlyKeys("title", "mainArtist", "duration", "kind", "firstPublished", "owner",
                "status");
        assertThat(changes.get("duration")).containsEntry("after", "PT3M18S").containsEntry("before", null);
    }

    @Test
    void aCorrectionShowsTheFieldsItChangedOnly() {
        RecordingFacts before = assigned(false);
        RecordingFacts after = before.withMetadata(metadata("Les Saisons", 199_500), 1);
        assertThat(RecordingFacts.changes(before, after)).containsOnlyKeys("title", "duration");
        assertThat(RecordingFacts.changes(before, after).get("title"))
                .containsEntry("before", "Les saisons").containsEntry("after", "Les Saisons");
        assertThat(after.matchKey()).isEqualTo(metadata("Les Saisons", 1).matchKey());
    }

    @Test
    void aWithdrawalShowsTheStatusReasonAndTheCodeToUseInstead() {
        RecordingFacts before = assigned(false);
        RecordingFacts after = before.withdrawn("DUPLICATE", "CAK7Q2600002", AT, 1);
        assertThat(RecordingFacts.changes(before, after)).containsOnlyKeys("status", "withdrawalReason",
                "duplicateOf");
        assertThat(after.withdrawnAt()).isEqualTo(AT);
    }

    @Test
    void onlyAnAssignmentCanBeIssuedUnderASuspendedPrefixAndAnImportIsItsOwnOrigin() {
        assertThat(assigned(true).assignedWhileSuspended()).isTrue();
        assertThat(assigned(true).origin()).isEqualTo("ASSIGNED");
        RecordingFacts imported = RecordingFacts.created(new ExistingIsrcRegistered(ISRC, new RecordingDetails(
                metadata("Les saisons", 198_000), "Disques K7Q", null, null, null)), true, AT);
        assertThat(imported.assignedWhileSuspended()).isFalse();
        assertThat(imported.origin()).isEqualTo("IMPORTED");
    }
}
