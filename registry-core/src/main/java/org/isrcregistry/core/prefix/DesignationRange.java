package org.isrcregistry.core.prefix;

/**
 * The designation codes a prefix may issue each year: the full range 00000-99999, or the subset its
 * agency allocated.
 */
public record DesignationRange(int first, int last) {

    public static final int MAX_DESIGNATION = 99_999;

    public DesignationRange {
        if (first < 0 || last > MAX_DESIGNATION || first > last) {
            throw new IllegalArgumentException(
                    "a designation range runs from 00000 to 99999, first to last: " + first + "-" + last);
        }
    }

    public static DesignationRange full() {
        return new DesignationRange(0, MAX_DESIGNATION);
    }

    public boolean contains(int designation) {
        return designation >= first && designation <= last;
    }

    @Override
    public String toString() {
        return "%05d-%05d".formatted(first, last);
    }
}
