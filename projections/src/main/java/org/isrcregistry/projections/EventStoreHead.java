package org.isrcregistry.projections;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** The position of the last event committed to the event store, from Axon's own head token. */
public final class EventStoreHead {

    private EventStoreHead() {
    }

    /** The head's global index; -1 while the store is empty. */
    public static long of(EventStorageEngine store) {
        TrackingToken head = store.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
