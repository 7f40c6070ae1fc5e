package org.isrcregistry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicationLagTest {

    /** As the registry's /actuator/prometheus writes the timer (bounds abridged), with other metrics around it. */
    private static PublicationLag scrape(long at250ms, long at500ms, long at984ms, long at1s, long all) {
        return PublicationLag.parse("""
                # HELP registry_feed_publication_lag_seconds From an event's commit to the broker's acknowledgement
                # TYPE registry_feed_publication_lag_seconds histogram
                registry_feed_publication_lag_seconds_bucket{le="0.25"} %d
                registry_feed_publication_lag_seconds_bucket{le="0.5"} %d
                registry_feed_publication_lag_seconds_bucket{le="0.984263336"} %d
                registry_feed_publication_lag_seconds_bucket{le="1.0"} %d
                registry_feed_publication_lag_seconds_bucket{le="+Inf"} %d
                registry_feed_publication_lag_seconds_count %d
                registry_feed_publication_lag_seconds_max 1.2
                registry_feed_backlog_events 0.0
                """.formatted(at250ms, at500ms, at984ms, at1s, all, all));
    }

    @Test
    void whatWasAcknowledgedBetweenTwoScrapes() {
        PublicationLag warmUp = scrape(10, 20, 25, 25, 30);
        PublicationLag after = scrape(910, 1_020, 1_025, 1_025, 1_030);

        PublicationLag measured = after.since(warmUp);

        assertEquals(1_000, measured.count());
        assertEquals(0, measured.laterThan(1.0), "the warm-up's five slow events are not the measurement's");
        assertEquals(0.25 / 900 * 500, measured.quantile(0.5), 1e-9, "interpolated within the first bucket");
        assertEquals(0.25 + 0.25 * (990 - 900) / 100.0, measured.quantile(0.99), 1e-9);
    }

    @Test
    void theTargetsBoundIsExact() {
        PublicationLag lag = scrape(900, 980, 989, 990, 1_000);

        assertEquals(10, lag.laterThan(1.0));
        assertEquals(1.0, lag.quantile(0.99), 1e-9, "p99 <= 1 s exactly when 99 % fall within the 1 s bound");
        assertEquals(1.0, lag.quantile(0.999), 1e-9, "beyond the highest finite bound: that bound");
    }
}
