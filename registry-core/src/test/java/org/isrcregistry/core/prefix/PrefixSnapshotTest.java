package org.isrcregistry.core.prefix;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.isrcregistry.core.testing.RecordingStore;
import org.isrcregistry.core.testing.Serializers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.RANGE_EXHAUSTED;
import static org.isrcregistry.core.testing.Batches.*;
import static org.isrcregistry.core.testing.PrefixFixtures.prefixFixture;
import static org.isrcregistry.core.testing.Refusals.refused;
import static org.isrcregistry.core.testing.Samples.*;

/** The prefix is snapshotted with Axon's JacksonSerializer: its ledger must survive it, and stay small. */
class PrefixSnapshotTest {

    private final JacksonSerializer serializer = Serializers.jackson();

    private Prefix prefixWithAssignments(int count) {
        Prefix prefix = new Prefix();
        prefix.on(prefixRegistered());
        for (int designation = 0; designation < count; designation++) {
            prefix.on(assigned(isrc26(designation)));
        }
        return prefix;
    }

    @Test
    void aSnapshotOfThousandsOfAssignmentsAndSomeImportsStillAllocatesTheNextFreeDesignation() {
        Prefix prefix = prefixWithAssignments(5_000);
        prefix.on(new DesignationTaken(PREFIX, isrc26(5_000), DesignationOrigin.IMPORTED));
        prefix.on(new DesignationTaken(PREFIX, isrc26(5_002), DesignationOrigin.IMPORTED));

        SerializedObject<String> snapshot = serializer.serialize(prefix, String.class);
        Prefix restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData()).hasSizeLessThan(1_000);
        prefixFixture(new RecordingStore()).givenState(() -> restored)
                .when(assign(PREFIX, details(song())))
                .expectEvents(assigned(isrc26(5_001)));
    }

    @Test
    void aSnapshotOfAFullYearStillRefusesMoreCodesForThatYear() {
        Prefix restored = serializer.deserialize(serializer.serialize(prefixWithAssignments(100_000), String.class));

        prefixFixture(new RecordingStore()).givenState(() -> restored)
                .when(assign(PREFIX, details(song())))
                .expectResultMessagePayloadMatching(refusedOnly(RANGE_EXHAUSTED, "is used for year 26"));
    }
}
