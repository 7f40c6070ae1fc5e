package org.isrcregistry.core.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConflictTest {

    private static final Isrc FIRST = Isrc.parse("CAK7Q2600001");
    private static final Isrc SECOND = Isrc.parse("CAK7Q2600002");
    private static final ConflictId PAIR = new ConflictId(SECOND, FIRST);

    private FixtureConfiguration<Conflict> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conflict.class);
    }

    @Test
    void aPairIsOneConflictWhicheverWayItIsNamed() {
        assertThat(PAIR).isEqualTo(new ConflictId(FIRST, SECOND));
        assertThat(PAIR.value()).isEqualTo("CAK7Q2600001-CAK7Q2600002");
        assertThat(ConflictId.parse(" cak7q2600002-CAK7Q2600001")).isEqualTo(PAIR);
        assertThat(PAIR.other(FIRST)).isEqualTo(SECOND);
        assertThatThrownBy(() -> new ConflictId(FIRST, FIRST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConflictId.parse("CAK7Q2600001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConflictOpensForItsPair() {
        fixture.givenNoPriorActivity()
                .when(new OpenConflict(PAIR, ConflictBasis.SAME_METADATA))
                .expectEvents(new ConflictOpened(PAIR, ConflictBasis.SAME_METADATA));
    }

    @Test
    void aDuplicateNamesTheWithdrawnCodeAndItsSurvivor() {
        fixture.given(new ConflictOpened(PAIR, ConflictBasis.SAME_METADATA))
                .when(new ResolveConflict(PAIR, ConflictResolution.DUPLICATE, SECOND, " same master "))
                .expectEvents(new ConflictResolved(PAIR, ConflictResolution.DUPLICATE, SECOND, FIRST, "same master"));
    }

    @Test
    void distinctRecordingsKeepBothCodes() {
        fixture.given(new ConflictOpened(PAIR, ConflictBasis.SAME_METADATA))
                .when(new ResolveConflict(PAIR, ConflictResolution.DISTINCT_RECORDINGS, null, "two takes"))
                .expectEvents(new ConflictResolved(PAIR, ConflictResolution.DISTINCT_RECORDINGS, null, null,
                        "two takes"));
    }

    @Test
    void aResolvedConflictStaysResolved() {
        fixture.given(new ConflictOpened(PAIR, ConflictBasis.SAME_METADATA),
                        new ConflictResolved(PAIR, ConflictResolution.DISTINCT_RECORDINGS, null, null, "two takes"))
                .when(new ResolveConflict(PAIR, ConflictResolution.DUPLICATE, FIRST, "changed my mind"))
                .expectException(RegistryRuleException.class)
                .expectNoEvents();
    }

    @Test
    void aResolutionGivesItsReasonAndADuplicateOneOfThePair() {
        assertThatThrownBy(() -> new ResolveConflict(PAIR, ConflictResolution.DISTINCT_RECORDINGS, null, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResolveConflict(PAIR, ConflictResolution.DUPLICATE, null, "why"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResolveConflict(PAIR, ConflictResolution.DUPLICATE,
                Isrc.parse("CAK7Q2600003"), "why")).isInstanceOf(IllegalArgumentException.class);
    }
}
