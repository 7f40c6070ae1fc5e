package org.isrcregistry.api.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isrcregistry.api.embedded.EmbeddedKafkaBroker;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the registry nodes of a fault test run on, outside them: a real PostgreSQL (zonky's binaries, fsync on, so a
 * commit survives as it would in production) and a real Kafka broker, each in a directory of its own, so either can
 * be stopped and started again on the same data and port.
 */
final class FaultEnvironment implements AutoCloseable {

    final Path workDir;
    private Path pgData;
    private int pgPort;
    EmbeddedPostgres postgres;
    final EmbeddedKafkaBroker broker;

    FaultEnvironment(String name) throws Exception {
        workDir = Files.createTempDirectory("faults-" + name);
        pgData = Files.createDirectories(workDir.resolve("postgres"));
        startPostgres();
        broker = new EmbeddedKafkaBroker(Files.createDirectories(workDir.resolve("kafka")), true, 0, 0).start();
    }

    void startPostgres() throws Exception {
        // Its own log, appended to across restarts; recovery (a crash, a restored backup) may take a while.
        java.io.File log = workDir.resolve("postgres.log").toFile();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setPGStartupWait(java.time.Duration.ofMinutes(2))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setCleanDataDirectory(false).setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "200");
        postgres = (pgPort > 0 ? builder.setPort(pgPort) : builder).start();
        pgPort = postgres.getPort();
    }

    /**
     * A base backup of the running PostgreSQL into {@code target}, with the WAL written while it was taken, by the
     * low-level API that {@code pg_basebackup} uses (PostgreSQL manual, "Making a Base Backup Using the Low Level
     * API"): the files are copied while the registry keeps writing, and recovery from the WAL makes them consistent.
     */
    void baseBackup(Path target) throws Exception {
        // PostgreSQL starts only on a data directory its owner alone may read (0700).
        Files.setPosixFilePermissions(Files.createDirectories(target),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        try (java.sql.Connection session = postgres.getPostgresDatabase().getConnection();
             java.sql.Statement sql = session.createStatement()) {
            sql.execute("SELECT pg_backup_start('fault-suite', true)");
            copy(pgData, target, true);
            try (java.sql.ResultSet stop = sql.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)")) {
                stop.next();
                Files.writeString(target.resolve("backup_label"), stop.getString(1));
            }
            copy(pgData.resolve("pg_wal"), target.resolve("pg_wal"), false);
        }
    }

    private static void copy(Path from, Path to, boolean skipWal) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                String name = file.getFileName().toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts")
                        || (skipWal && relative.startsWith("pg_wal") && !relative.toString().equals("pg_wal"))) {
                    continue;
                }
                Path copy = to.resolve(relative.toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // dropped while copying (a temporary file): the WAL replays what matters
                }
            }
        }
    }

    /** Stops this PostgreSQL and starts one on {@code dataDir} (a restored backup) on a new port. */
    void restoreFrom(Path dataDir) throws Exception {
        postgres.close();
        pgData = dataDir;
        pgPort = 0;
        startPostgres();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(postgres.getPostgresDatabase());
    }

    KafkaConnectionDetails kafka() {
        return () -> List.of(broker.bootstrapServers());
    }

    RegistryNode node(String name, String... properties) throws Exception {
        return new RegistryNode(name, jdbcUrl(), broker.bootstrapServers(), workDir, properties);
    }

    @Override
    public void close() throws Exception {
        try {
            broker.close();
        } finally {
            postgres.close();
            org.springframework.util.FileSystemUtils.deleteRecursively(workDir);
        }
    }
}
