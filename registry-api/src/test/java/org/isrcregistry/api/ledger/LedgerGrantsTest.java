package org.isrcregistry.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The compose deployment's roles and docker/ledger-grants.sql on a database of the test's own: the application's role
 * reads and appends history, and can neither change, delete, truncate nor drop it.
 */
@RegistryIntegrationTest
class LedgerGrantsTest {

    @Autowired
    JdbcTemplate shared;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void theApplicationsRoleMayOnlyReadAndAppendHistory() throws Exception {
        try (IsolatedDatabase db = new IsolatedDatabase(postgres, shared)) {
            String init = Files.readString(Path.of("../docker/initdb/10-application-role.sh"));
            Matcher sql = Pattern.compile("<<'SQL'\\n(.*?)\\nSQL", Pattern.DOTALL).matcher(init);
            assertThat(sql.find()).isTrue();
            for (String statement : sql.group(1).split(";\\s*")) {
                if (!statement.isBlank()) {
                    db.jdbc.execute(statement.replace(":'password'", "'test'")
                            .replace(":\"database\"", db.name));
                }
            }
            // The registry's tables are the migrations' (here created by the superuser): the application role owns
            // what it creates in production; only the history tables change hands below.
            String grants = Files.readString(Path.of("../docker/ledger-grants.sql"));
            db.jdbc.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO registry");
            Arrays.stream(grants.replace("\\set ON_ERROR_STOP on", "").split(";\\s*\\n"))
                    .map(s -> s.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b))
                    .filter(s -> !s.isBlank())
                    .forEach(db.jdbc::execute);

            JdbcTemplate application = new JdbcTemplate(postgres.getDatabase("registry", db.name));
            application.update("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                        payloadtype, timestamp) VALUES ('GRANTS', 0, 'Test', 'grants-1', '\\x7b7d', 'T', 'now')""");
            application.update("INSERT INTO ledger_leaf VALUES (0, 1, 'grants-1', 'GRANTS', null)");
            assertThat(application.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(1);
            for (String change : new String[] {
                    "UPDATE domainevententry SET payload = '\\x7b7e'",
                    "DELETE FROM domainevententry",
                    "TRUNCATE domainevententry",
                    "DROP TABLE domainevententry",
                    "UPDATE ledger_leaf SET global_index = 2",
                    "DELETE FROM ledger_node",
                    "DELETE FROM ledger_checkpoint"}) {
                assertThatThrownBy(() -> application.execute(change)).as(change)
                        .rootCause().isInstanceOfSatisfying(SQLException.class, refused -> assertThat(
                                refused.getSQLState()).as("insufficient_privilege: " + refused.getMessage())
                                .isEqualTo("42501"));
            }
        } finally {
            shared.execute("DROP ROLE IF EXISTS registry");
            shared.execute("DROP ROLE IF EXISTS registry_history");
        }
    }
}
