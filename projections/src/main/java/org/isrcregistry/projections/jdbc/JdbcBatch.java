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
public final class JdbcBatch {

    private final JdbcTemplate jdbc;
    private final Map<String, Map<Object, Object[]>> rows = new LinkedHashMap<>();

    private JdbcBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The batch of the unit of work being processed; call from an event handler. */
    public static JdbcBatch current(JdbcTemplate jdbc) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(JdbcBatch.class.getName(), key -> {
            JdbcBatch batch = new JdbcBatch(jdbc);
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

    private void flush() {
        rows.forEach((sql, byKey) -> jdbc.batchUpdate(sql, new ArrayList<>(byKey.values())));
        rows.clear();
    }

    /** Resources of the current unit of work, e.g. the states a batch has folded so far. */
    public static <T> T resource(String name, Supplier<T> initial) {
        return CurrentUnitOfWork.get().root().getOrComputeResource(name, k -> initial.get());
    }
}
