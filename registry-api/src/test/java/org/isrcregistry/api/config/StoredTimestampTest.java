package org.isrcregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The short way reads what Axon's own parser reads, and leaves everything else to it. */
class StoredTimestampTest {

    @Test
    void readsEveryTimestampAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(3901);
        long from = Instant.parse("1877-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            String stored = DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, to)));
            assertThat(StoredTimestamp.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void leavesEveryOtherTextToAxonsParser() {
        for (String other : List.of("2026-12-06T17:33:31.123+02:00", "2026-12-06t17:33:31.123z",
                "2026-12-06T17:33:31Z", "2026-12-06T17:33:31.1234Z", "12026-12-06T17:33:31.123Z",
                "2026-13-06T17:33:31.123Z", "2026-02-30T17:33:31.123Z", "2026-12-06T17:3x:31.123Z",
                "2026-12-06T24:00:00.000Z", "2026-12-31T23:59:60.000Z", "-026-12-06T17:33:31.123Z")) {
            assertThat(outcome(() -> StoredTimestamp.parse(other))).as(other)
                    .isEqualTo(outcome(() -> DateTimeUtils.parseInstant(other)));
        }
    }

    /** The instant read, or the kind of exception the text was refused with. */
    private static Object outcome(Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException refused) {
            return refused.getClass();
        }
    }
}
