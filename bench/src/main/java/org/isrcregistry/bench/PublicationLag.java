package org.isrcregistry.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 5's own figure, commit to broker acknowledgement, as the registry measures it: its timer
 * {@code registry.feed.publication.lag} (recorded in the producer's callback) scraped from {@code /actuator/prometheus}
 * as cumulative histogram buckets. The difference of two scrapes is the distribution of the events acknowledged in
 * between, so warm-up and earlier scenarios do not count.
 *
 * @param buckets upper bound in seconds → events at or under it (cumulative, as Prometheus writes them)
 */
record PublicationLag(TreeMap<Double, Double> buckets) {

    static final String METRIC = "registry_feed_publication_lag_seconds";
    private static final Pattern BUCKET = Pattern.compile(
            "^" + METRIC + "_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*\\} (\\S+)", Pattern.MULTILINE);

    /** The timer now; empty (no buckets) before the feed's first acknowledgement. */
    static PublicationLag scrape(Http http) {
        Http.Response response = http.getText(RegistryApi.PROMETHEUS);
        if (!response.ok()) {
            throw new IllegalStateException("GET " + RegistryApi.PROMETHEUS + " answered " + response.status());
        }
        return parse(response.body());
    }

    static PublicationLag parse(String exposition) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher bucket = BUCKET.matcher(exposition);
        while (bucket.find()) {
            double bound = bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
            buckets.put(bound, Double.parseDouble(bucket.group(2)));
        }
        return new PublicationLag(buckets);
    }

    /** What was acknowledged after {@code earlier}. */
    PublicationLag since(PublicationLag earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        buckets.forEach((bound, count) -> delta.put(bound, count - earlier.buckets.getOrDefault(bound, 0.0)));
        return new PublicationLag(delta);
    }

    long count() {
        return buckets.isEmpty() ? 0 : Math.round(buckets.lastEntry().getValue());
    }

    Map<String, Object> summary() {
        return Map.of("events", count(), "p50Ms", quantile(0.5) * 1000, "p99Ms", quantile(0.99) * 1000,
                "laterThan1s", laterThan(1.0));
    }

    /** The events acknowledged later than {@code seconds} after their commit; exact when it is one of the timer's bounds. */
    long laterThan(double seconds) {
        Map.Entry<Double, Double> bucket = buckets.floorEntry(seconds);
        return count() - (bucket == null ? 0 : Math.round(bucket.getValue()));
    }

    /**
     * The {@code q}-quantile in seconds, interpolated linearly within its bucket as Prometheus'
     * {@code histogram_quantile} does; beyond the highest finite bound, that bound.
     */
    double quantile(double q) {
        double rank = q * count();
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = bucket.getValue() - lowerCount;
                return inBucket == 0 ? bucket.getKey()
                        : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }
}
