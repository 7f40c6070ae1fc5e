package org.isrcregistry.projections;

import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.isrcregistry.projections.jdbc.JdbcBatch;
import org.isrcregistry.projections.jdbc.Rows;
import org.isrcregistry.projections.jdbc.Table;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model: its processing group, its tables, and the one function from an event to rows, {@link #apply}, which
 * both its live streaming processor (every event, rows into the processor's batch) and a rebuild
 * ({@code projections.rebuild}) call.
 */
public abstract class ReadModel {

    protected final JdbcTemplate jdbc;
    private final String name;
    private final List<Table> tables;

    protected ReadModel(JdbcTemplate jdbc, String name, Table... tables) {
        this.jdbc = jdbc;
        this.name = name;
        this.tables = List.of(tables);
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        apply(event, token.position().orElseThrow(), JdbcBatch.current(jdbc));
    }

    public String name() {
        return name;
    }

    public List<Table> tables() {
        return tables;
    }

    /** Applies one event at {@code position} (its global index in the store); ignores events it has no use for. */
    public abstract void apply(EventMessage<?> event, long position, Rows rows);
}
