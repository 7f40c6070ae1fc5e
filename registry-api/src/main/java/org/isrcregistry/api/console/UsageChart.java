package org.isrcregistry.api.console;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.isrcregistry.projections.prefix.PrefixView;

/**
 * A prefix's designations taken per year, laid out as an SVG bar chart: one bar per year of reference, its height
 * the share of the largest year, with the figures written beside each bar (and in a table under the chart), so
 * nothing is told by the drawing alone.
 */
record UsageChart(String prefix, int width, int height, List<Bar> bars) {

    static final int BAR = 36;
    static final int GAP = 20;
    static final int PLOT = 120;
    static final int TOP = 20;
    static final int BOTTOM = 24;

    /** @param year the year of reference in full; {@code y} and {@code barHeight} in SVG units */
    record Bar(String year, int taken, int assigned, int imported, int remaining, int x, int y, int barHeight,
               int labelY) {
    }

    static UsageChart of(PrefixView prefix) {
        int most = prefix.usage().stream().mapToInt(u -> u.assigned() + u.imported()).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int x = GAP;
        for (PrefixView.YearUsage usage : prefix.usage()) {
            int taken = usage.assigned() + usage.imported();
            int height = most == 0 ? 0 : Math.max(taken == 0 ? 0 : 2, Math.round((float) PLOT * taken / most));
            bars.add(new Bar(fullYear(usage.yearOfReference()), taken, usage.assigned(), usage.imported(),
                    usage.remaining(), x, TOP + PLOT - height, height, TOP + PLOT + 16));
            x += BAR + GAP;
        }
        return new UsageChart(prefix.display(), Math.max(x, 200), TOP + PLOT + BOTTOM, bars);
    }

    /** Two digits of a year that has been: 26 is 2026 and 98 is 1998 (no code is issued for a year to come). */
    static String fullYear(int yearOfReference) {
        int now = Year.now().getValue();
        int year = now / 100 * 100 + yearOfReference;
        return String.valueOf(year > now ? year - 100 : year);
    }
}
