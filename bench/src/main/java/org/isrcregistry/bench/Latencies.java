package org.isrcregistry.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds in HDR histograms: one per thread while measuring, merged at the end. */
final class Latencies {

    private static final long HIGHEST = TimeUnit.MINUTES.toMicros(5);

    private final List<Histogram> parts = new CopyOnWriteArrayList<>();

    /** A histogram for one thread. */
    Histogram part() {
        Histogram part = new Histogram(HIGHEST, 3);
        parts.add(part);
        return part;
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(HIGHEST, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    Histogram merged() {
        Histogram all = new Histogram(HIGHEST, 3);
        parts.forEach(all::add);
        return all;
    }

    /** count, p50, p99, p99.9, max in milliseconds. */
    static Map<String, Object> summary(Histogram h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        out.put("p50Ms", ms(h.getValueAtPercentile(50)));
        out.put("p99Ms", ms(h.getValueAtPercentile(99)));
        out.put("p999Ms", ms(h.getValueAtPercentile(99.9)));
        out.put("maxMs", ms(h.getMaxValue()));
        return out;
    }

    static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
