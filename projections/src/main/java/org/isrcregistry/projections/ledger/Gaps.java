package org.isrcregistry.projections.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The holes in the event store's global index the ledger writer has met. An event's global index is drawn from a
 * sequence before its transaction commits, so a hole below a visible event is either a transaction still running
 * (the leaves must wait for it, to follow commit order) or one that rolled back (a permanent hole). A hole is
 * <em>pending</em> until no transaction can fill it any more: once it has settled (long enough for its transaction to
 * have written its row, and so to hold a transaction ID), the newest transaction ID then issued is its horizon, and
 * when every transaction below the horizon has ended (a later snapshot's xmin) the hole is closed; after the timeout
 * it is closed regardless. A closed hole is still watched for a while: an event that fills it after all is appended
 * when it becomes visible, which is still the order of visibility.
 */
final class Gaps {

    /** A PostgreSQL snapshot's bounds ({@code pg_current_snapshot()}): every transaction below xmin has ended. */
    record Snapshot(long xmin, long xmax) {

        static Snapshot parse(String text) {
            String[] parts = text.split(":");
            return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
    }

    private static final class Pending {
        final long firstSeen;
        Long horizon;

        Pending(long firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    private static final int MAX_WATCHED = 10_000;

    private final long settleNanos;
    private final long timeoutNanos;
    private final long watchNanos;
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    /** Closed holes, by global index, with when they closed. */
    private final TreeMap<Long, Long> watched = new TreeMap<>();

    Gaps(long settleNanos, long timeoutNanos, long watchNanos) {
        this.settleNanos = settleNanos;
        this.timeoutNanos = timeoutNanos;
        this.watchNanos = watchNanos;
    }

    /** At the start of a round, with the round's snapshot: closes the holes no transaction can fill any more. */
    void observe(Snapshot snapshot, long now) {
        for (Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Pending> entry = it.next();
            Pending gap = entry.getValue();
            boolean closed;
            if (now - gap.firstSeen >= timeoutNanos) {
                closed = true;
            } else if (gap.horizon == null) {
                if (now - gap.firstSeen >= settleNanos) {
                    gap.horizon = snapshot.xmax();
                }
                closed = false;
            } else {
                closed = snapshot.xmin() >= gap.horizon;
            }
            if (closed) {
                it.remove();
                watched.put(entry.getKey(), now);
            }
        }
        watched.values().removeIf(closedAt -> now - closedAt > watchNanos);
        while (watched.size() > MAX_WATCHED) {
            watched.pollFirstEntry();
        }
    }

    /** Whether the hole at {@code globalIndex} still holds the leaves after it back; a new hole starts pending. */
    boolean blocks(long globalIndex, long now) {
        if (watched.containsKey(globalIndex)) {
            return false;
        }
        pending.computeIfAbsent(globalIndex, g -> new Pending(now));
        return true;
    }

    /** The event at {@code globalIndex} became a leaf. */
    void filled(long globalIndex) {
        pending.remove(globalIndex);
        watched.remove(globalIndex);
    }

    /** Closed holes an event may still fill. */
    List<Long> watched() {
        return new ArrayList<>(watched.keySet());
    }

    int pendingCount() {
        return pending.size();
    }

    /** Another writer wrote in between: what this one knew is stale; the holes below the head are closed ones. */
    void reset(Collection<Long> holes, long now) {
        pending.clear();
        watched.clear();
        holes.forEach(hole -> watched.put(hole, now));
    }
}
