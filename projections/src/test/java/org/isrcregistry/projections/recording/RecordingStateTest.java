package org.isrcregistry.projections.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.identifier.ReleaseCode;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.RecordingStatus;
import org.isrcregistry.core.recording.Release;
import org.isrcregistry.core.recording.ReleaseLinked;
import org.isrcregistry.core.recording.WithdrawalReason;
import org.isrcregistry.core.recording.WorkLinked;
import org.junit.jupiter.api.Test;

class RecordingStateTest {

    private static final Isrc ISRC = Isrc.parse("CA-K7Q-26-00001");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static IsrcAssigned assigned() {
        return new IsrcAssigned(ISRC, new RecordingDetails(new RecordingMetadata("Song", null, "Artist", List.of(),
                RecordingDuration.ofMillis(200_000), RecordingKind.AUDIO, null), "Owner A", null, null, null),
                null, null);
    }

    private static EventMessage<?> at(Object event, int minutes) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.emptyInstance(),
                T0.plusSeconds(60L * minutes));
    }

    @Test
    void foldsEveryEventOfTheStreamInOrder() {
        RecordingState state = RecordingState.fold(List.of(
                at(assigned(), 0),
                at(new OwnershipTransferred(ISRC, "Owner A", "Owner B", LocalDate.of(2026, 1, 2)), 1),
                at(new ReleaseLinked(ISRC, new Release(ReleaseCode.parse("036000291452"), "Album", "CD", Set.of())), 2),
                at(new WorkLinked(ISRC, Iswc.parse("T-034.524.680-1")), 3),
                at(new IsrcWithdrawn(ISRC, WithdrawalReason.ASSIGNED_IN_ERROR, null), 4))).orElseThrow();

        assertThat(state.owner()).isEqualTo("Owner B");
        assertThat(state.ownerSince()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(state.releases()).hasSize(1);
        assertThat(state.works()).containsExactly(Iswc.parse("T0345246801"));
        assertThat(state.status()).isEqualTo(RecordingStatus.WITHDRAWN);
        assertThat(state.createdAt()).isEqualTo(T0);
        assertThat(state.updatedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(state.version()).isEqualTo(4);
    }

    @Test
    void theStoredJsonReadsBackAsTheSameState() {
        RecordingState state = RecordingState.start(assigned(), T0)
                .apply(new ReleaseLinked(ISRC, new Release(ReleaseCode.parse("036000291452"), "Album", "CD",
                        Set.of("CA"))), T0.plusSeconds(1));

        String json = RecordingJson.write(state);

        assertThat(RecordingJson.read(json)).isEqualTo(state);
        assertThat(json).contains("\"display\":\"CA-K7Q-26-00001\"", "\"designation\":\"00001\"");
    }

    @Test
    void aStreamMustStartWithTheRecordingsCreation() {
        assertThatThrownBy(() -> RecordingState.start(
                new OwnershipTransferred(ISRC, "A", "B", LocalDate.of(2026, 1, 1)), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with its creation");
        assertThatThrownBy(() -> RecordingState.start(assigned(), T0).apply(assigned(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
    }
}
