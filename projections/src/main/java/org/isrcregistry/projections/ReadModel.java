package org.isrcregistry.projections;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;

/**
 * A read model: its processing group, its tables, and the one function from an event to rows, which both its live
 * streaming processor and a rebuild ({@code projections.rebuild}) call.
 */
public interface ReadModel {

    String name();

    List<Table> tables();

    /** Applies one event at {@code position} (its global index in the store); ignores events it has no use for. */
    void apply(EventMessage<?> event, long position, Rows rows);
}
