package org.isrcregistry.api.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven Central's binaries when {@code spring.datasource.url} (REGISTRY_DB_URL) is not
 * set. Its data directory lives under {@code registry.embedded.data-dir}, so the registry keeps its records across
 * restarts. Spring Boot builds the pool from the connection details as it would for an external database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) throws IOException {
        Path dataDir = properties.persistent()
                ? Files.createDirectories(properties.dataDir().resolve("postgres")).toAbsolutePath()
                : Files.createTempDirectory("isrc-registry-pg");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!properties.persistent())
                // The library turns these off for test speed; an acknowledged ISRC must survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", properties.postgres().sharedBuffers())
                .setServerConfig("max_wal_size", "2GB");
        if (properties.postgres().port() > 0) {
            builder.setPort(properties.postgres().port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on localhost:{}, data in {}", postgres.getPort(), dataDir);
        return postgres;
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return postgres.getJdbcUrl("postgres", "postgres");
            }
        };
    }
}
