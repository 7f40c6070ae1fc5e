package org.isrcregistry.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GapsTest {

    private static final long MS = 1_000_000;
    private final Gaps gaps = new Gaps(200 * MS, 10_000 * MS, 60_000 * MS);

    @Test
    void aHoleHoldsTheLeavesBackWhileATransactionThatMayFillItRuns() {
        assertThat(gaps.blocks(7, 0)).isTrue();
        gaps.observe(new Gaps.Snapshot(100, 110), 100 * MS);
        assertThat(gaps.blocks(7, 100 * MS)).as("not settled yet").isTrue();
        gaps.observe(new Gaps.Snapshot(100, 120), 250 * MS);
        assertThat(gaps.blocks(7, 250 * MS)).as("settled: its horizon is transaction 120").isTrue();
        gaps.observe(new Gaps.Snapshot(119, 130), 300 * MS);
        assertThat(gaps.blocks(7, 300 * MS)).as("transaction 119 still runs").isTrue();
        gaps.observe(new Gaps.Snapshot(120, 130), 350 * MS);
        assertThat(gaps.blocks(7, 350 * MS)).as("every transaction below the horizon ended").isFalse();
        assertThat(gaps.watched()).containsExactly(7L);
    }

    @Test
    void aHoleIsPassedOverAfterTheTimeoutAndStillWatched() {
        gaps.blocks(3, 0);
        gaps.observe(new Gaps.Snapshot(5, 9), 250 * MS);
        gaps.observe(new Gaps.Snapshot(5, 9), 9_000 * MS);
        assertThat(gaps.blocks(3, 9_000 * MS)).isTrue();
        gaps.observe(new Gaps.Snapshot(5, 9), 10_000 * MS);
        assertThat(gaps.blocks(3, 10_000 * MS)).isFalse();
        assertThat(gaps.watched()).containsExactly(3L);
        gaps.observe(new Gaps.Snapshot(5, 9), 80_000 * MS);
        assertThat(gaps.watched()).as("no longer watched after the watch period").isEmpty();
    }

    @Test
    void aFilledHoleIsForgottenAndAResetKeepsOnlyTheGivenHoles() {
        gaps.blocks(4, 0);
        gaps.filled(4);
        assertThat(gaps.pendingCount()).isZero();
        gaps.reset(List.of(1L, 2L), 0);
        assertThat(gaps.watched()).containsExactly(1L, 2L);
        assertThat(gaps.blocks(2, 0)).isFalse();
        assertThat(Gaps.Snapshot.parse("742:751:742,745")).isEqualTo(new Gaps.Snapshot(742, 751));
    }
}
