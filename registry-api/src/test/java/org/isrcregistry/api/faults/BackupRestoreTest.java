package org.isrcregistry.api.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5 (docs/reliability.md): a base backup (with its WAL) of PostgreSQL taken while 8 clients assign codes,
 * restored into a fresh PostgreSQL, a registry started on it. In the fault suite only ({@code -Pfaults}).
 */
@Tag("faults")
class BackupRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FaultEnvironment env;
    private static RegistryNode node;

    @BeforeAll
    static void start() throws Exception {
        env = new FaultEnvironment("backup");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            env.close();
        }
    }

    @Test
    void aBackupTakenUnderLoadRestoresEveryCodeAcknowledgedBeforeItAndNoneIsIssuedAgain() throws Exception {
        String prefix = "CA-B4K";
        node = env.node("before").start();
        assertThat(CrashUnderLoadTest.call(node, "POST", "/v1/prefixes", "application/json",
                "{\"prefix\": \"" + prefix + "\", \"registrant\": {\"name\": \"Backups\"}}").statusCode()).isEqualTo(201);
        Path backup = Files.createDirectories(env.workDir.resolve("backup"));
        Map<String, String> beforeBackup;
        AssignmentLoad load = new AssignmentLoad(List.of(node.url()), prefix, 8);
        try {
            load.awaitMore(200, Duration.ofMinutes(2));
            beforeBackup = Map.copyOf(load.acknowledged);
            env.baseBackup(backup);
            load.awaitMore(50, Duration.ofMinutes(2));
        } finally {
            load.close();
        }
        node.close();

        env.restoreFrom(backup);
        node = env.node("after").start();
        RegistryChecks checks = new RegistryChecks(env.jdbc());
        int restored = checks.assertNothingLostOrDuplicated(prefix, beforeBackup);
        assertThat(CrashUnderLoadTest.call(node, "POST", "/v1/admin/projections/rebuild", "application/json", "")
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(JSON.readTree(CrashUnderLoadTest.call(node, "GET", "/v1/admin/projections", null, null)
                        .body())).allSatisfy(status ->
                        assertThat(status.path("rebuild").path("state").asText()).isEqualTo("DONE")));
        checks.assertReadModelsConverge(prefix, Duration.ofMinutes(2));

        AssignmentLoad after = new AssignmentLoad(List.of(node.url()), prefix, 8);
        try {
            after.awaitMore(100, Duration.ofMinutes(2));
        } finally {
            after.close();
        }
        Set<String> reissued = new HashSet<>(after.acknowledged.keySet());
        reissued.retainAll(beforeBackup.keySet());
        assertThat(reissued).as("codes issued again after the restore").isEmpty();
        int stored = checks.assertNothingLostOrDuplicated(prefix, after.acknowledged);
        int repeats = checks.assertKafkaHoldsEveryEvent(prefix, env.kafka(), Duration.ofMinutes(2));
        System.out.printf("FAULT-FIGURES scenario=backup-restore faults=1 acknowledged-before-backup=%d"
                        + " acknowledged-during-backup=%d restored=%d acknowledged-after-restore=%d stored=%d"
                        + " kafka-repeats=%d lost=0 duplicated=0%n", beforeBackup.size(),
                load.acknowledged.size() - beforeBackup.size(), restored, after.acknowledged.size(), stored, repeats);
    }
}
