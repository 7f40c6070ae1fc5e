package org.isrcregistry.core.prefix;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * The designations taken in one year of reference, kept small for snapshots: every designation from
 * the range's first up to {@code next} is taken, plus the few outside that block in {@code others}
 * (imported codes). 100,000 sequential assignments cost two integers.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
final class DesignationLedger {

    private int first;
    private int next;
    private TreeSet<Integer> others = new TreeSet<>();

    DesignationLedger() {
    }

    DesignationLedger(int first) {
        this.first = first;
        this.next = first;
    }

    boolean isTaken(int designation) {
        return designation >= first && designation < next || others.contains(designation);
    }

    /** The lowest free designation of the range, if any is left. */
    OptionalInt firstFree(DesignationRange range) {
        return next <= range.last() ? OptionalInt.of(next) : OptionalInt.empty();
    }

    void take(int designation) {
        if (designation != next) {
            others.add(designation);
            return;
        }
        next++;
        while (others.remove(next)) {
            next++;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DesignationLedger ledger
                && first == ledger.first && next == ledger.next && others.equals(ledger.others);
    }

    @Override
    public int hashCode() {
        return Objects.hash(first, next, others);
    }
}
