package org.isrcregistry.api.ledger;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of its own on the shared test context's PostgreSQL, with the registry's schema (its Flyway migrations):
 * for tests that change stored events, which must not touch the shared database. Pooled like the registry's own.
 */
final class IsolatedDatabase implements AutoCloseable {

    private final JdbcTemplate admin;
    final String name;
    final DataSource dataSource;
    final JdbcTemplate jdbc;

    IsolatedDatabase(EmbeddedPostgres postgres, JdbcTemplate shared) {
        this.admin = shared;
        this.name = "ledger_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        shared.execute("CREATE DATABASE " + name);
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
        pool.setMaximumPoolSize(16);
        pool.addDataSourceProperty("reWriteBatchedInserts", "true"); // as the registry's own pool
        this.dataSource = pool;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        ((HikariDataSource) dataSource).close();
        admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
