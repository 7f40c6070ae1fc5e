package org.isrcregistry.projections.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A rebuild's transactions: work on the transaction's connection, which {@link #jdbc} uses as well. */
final class Transactions {

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final TransactionTemplate template;
    final JdbcTemplate jdbc;

    Transactions(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.template = new TransactionTemplate(transactionManager);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Runs {@code work} in a transaction of its own; the shadow tables' writes do not wait for the disk. */
    void run(Work work) {
        template.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL synchronous_commit = off");
            try {
                work.run(DataSourceUtils.getConnection(dataSource));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
