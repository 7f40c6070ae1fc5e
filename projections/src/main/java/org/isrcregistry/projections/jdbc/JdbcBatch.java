package org.isrcregistry.projections.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows a streaming processor's batch writes, sent as one JDBC batch per statement when the batch's unit of work
 * prepares to commit, in the same transaction as the processor's token. A row put again under the same key replaces
 * the earlier one, so a recording changed by ten events of one batch is written once.
 */
public final class JdbcBatch implements Rows {

    private final JdbcTemplate jdbc;
    private final UnitOfWork<?> unitOfWork;
    private final Map<String, Map<Object, Object[]>> rows = new LinkedHashMap<>();

    private JdbcBatch(JdbcTemplate jdbc, UnitOfWork<?> unitOfWork) {
        this.jdbc = jdbc;
        this.unitOfWork = unitOfWork;
    }

    /** The batch of the unit of work being processed; call from an event handler. */
    public static JdbcBatch current(JdbcTemplate jdbc) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(JdbcBatch.class.getName(), key -> {
            JdbcBatch batch = new JdbcBatch(jdbc, unitOfWork);
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    public void add(String sql, Object... args) {
        put(sql, new Object(), args);
    }

    public void put(String sql, Object key, Object... args) {
        rows.computeIfAbsent(sql, s -> new LinkedHashMap<>()).put(key, args);
    }

    @Override
    public void put(Table table, Object key, Object... row) {
        put(table.insert(), key, row);
    }

    @Override
    public void add(Table table, Object... row) {
        add(table.insert(), row);
    }

    @Override
    public String name(Table table) {
        return table.name();
    }

    @Override
    public <T> T resource(String name, Supplier<T> initial) {
        return unitOfWork.getOrComputeResource(name, k -> initial.get());
    }

    private void flush() {
        rows.forEach((sql, byKey) -> jdbc.batchUpdate(sql, new ArrayList<>(byKey.values())));
        rows.clear();
    }
}
