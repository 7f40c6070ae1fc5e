package org.isrcregistry.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.isrcregistry.api.TestRegistry.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registrant audit over real HTTP and PostgreSQL: everything done under a prefix, by an actor or on a recording,
 * with the fields each event changed, and every command refused, from the append-only ledger.
 */
@RegistryIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrantAuditTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReadYourWrites readYourWrites;
    @Autowired
    JdbcTemplate jdbc;

    ComplianceClient client;
    String prefix;
    String otherPrefix;
    String registrant;
    String registrantActor;
    String corrected;
    String untouched;
    String othersIsrc;

    @BeforeAll
    void actAndBeRefused() {
        client = new ComplianceClient(http, readYourWrites);
        prefix = client.newPrefix(null, null);
        otherPrefix = client.newPrefix(null, null);
        JsonNode token = client.issue("{\"name\": \"Audited label\", \"role\": \"REGISTRANT\", \"prefixes\": [\""
                + prefix + "\"]}");
        registrant = token.path("token").asText();
        registrantActor = "token:" + token.path("id").asText();

        corrected = client.assign(prefix, ComplianceClient.recording("Audit me", "Ana Audit", "PT3M00S", ""),
                registrant);
        untouched = client.assign(prefix, ComplianceClient.recording("Leave me", "Ana Audit", "PT4M00S", ""),
                registrant);
        assertThat(client.send(HttpMethod.PATCH, "/v1/recordings/" + corrected,
                "{\"reason\": \"typo in the title\", \"title\": \"Audited\"}", registrant).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        othersIsrc = client.assign(otherPrefix, ComplianceClient.recording("Not audited", "Other", "PT2M00S", ""),
                null);

        // Refused: a validation, an authorization (another's prefix), a rule (suspended prefix).
        assertProblem(client.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                "{\"mainArtist\": \"No title\", \"duration\": \"PT1M\", \"kind\": \"AUDIO\", \"owner\": \"X\"}",
                registrant), HttpStatus.BAD_REQUEST, "invalid-field", "title");
        assertProblem(client.send(HttpMethod.POST, "/v1/prefixes/" + otherPrefix + "/recordings",
                ComplianceClient.recording("Not mine", "Thief", "PT1M", ""), registrant), HttpStatus.FORBIDDEN,
                "forbidden", null);
        client.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/suspension", "{\"reason\": \"unpaid fees\"}", null);
        assertProblem(client.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                ComplianceClient.recording("While suspended", "Ana Audit", "PT1M", ""), registrant),
                HttpStatus.CONFLICT, "prefix-suspended", null);
        client.send(HttpMethod.DELETE, "/v1/prefixes/" + prefix + "/suspension", null, null);
    }

    @Test
    void thePrefixAuditHoldsEveryEventWithItsChangesAndEveryRefusalUnderThePrefix() {
        List<JsonNode> audit = client.all("/v1/audit?prefix=" + prefix, 3, null);

        assertThat(audit).extracting(row -> row.path("action").asText()).contains("PrefixRegistered",
                "IsrcAssigned", "DesignationTaken", "MetadataCorrected", "PrefixSuspended", "PrefixReinstated");
        JsonNode correction = audit.stream().filter(row -> row.path("action").asText().equals("MetadataCorrected"))
                .findFirst().orElseThrow();
        assertThat(correction.path("subject").asText()).isEqualTo(corrected);
        assertThat(correction.path("actor").asText()).isEqualTo(registrantActor);
        assertThat(correction.path("reason").asText()).isEqualTo("typo in the title");
        assertThat(correction.path("correlation_id").asText()).isNotBlank();
        assertThat(correction.path("changes").path("title").path("before").asText()).isEqualTo("Audit me");
        assertThat(correction.path("changes").path("title").path("after").asText()).isEqualTo("Audited");
        assertThat(correction.path("changes").has("mainArtist")).isFalse();
        JsonNode suspension = audit.stream().filter(row -> row.path("action").asText().equals("PrefixSuspended"))
                .findFirst().orElseThrow();
        assertThat(suspension.path("reason").asText()).isEqualTo("unpaid fees");
        assertThat(suspension.path("changes").path("status").path("after").asText()).isEqualTo("SUSPENDED");

        List<JsonNode> refused = audit.stream().filter(row -> row.path("source").asText().equals("REFUSED")).toList();
        assertThat(refused).extracting(row -> row.path("rule").asText()).containsExactlyInAnyOrder(
                "https://isrc-registry.org/problems/invalid-field",
                "https://isrc-registry.org/problems/prefix-suspended");
        assertThat(refused).allSatisfy(row -> {
            assertThat(row.path("actor").asText()).isEqualTo(registrantActor);
            assertThat(row.path("action").asText()).startsWith("POST /v1/prefixes/" + prefix + "/recordings");
        });
        assertThat(refused).anySatisfy(row -> assertThat(row.path("field").asText()).isEqualTo("title"));

        assertThat(audit).noneMatch(row -> row.path("subject").asText().equals(othersIsrc)
                || row.path("prefix").asText().equals(otherPrefix.replace("-", "")));
        assertThat(audit).extracting(row -> row.path("source").asText() + row.path("id").asLong())
                .doesNotHaveDuplicates();
        assertThat(audit).extracting(row -> row.path("occurred_at").asText()).isSorted();
    }

    @Test
    void theActorAuditHoldsWhatTheTokenDidAndWasRefusedEverywhere() {
        List<JsonNode> audit = client.all("/v1/audit?actor=" + registrantActor, 100, null);

        assertThat(audit).extracting(row -> row.path("subject").asText()).contains(corrected, untouched);
        assertThat(audit).anySatisfy(row -> {
            assertThat(row.path("source").asText()).isEqualTo("REFUSED");
            assertThat(row.path("rule").asText()).endsWith("/forbidden");
            assertThat(row.path("prefix").asText()).isEqualTo(otherPrefix.replace("-", ""));
        });
        assertThat(audit).allSatisfy(row -> assertThat(row.path("actor").asText()).isEqualTo(registrantActor));
        assertThat(audit).noneMatch(row -> row.path("action").asText().equals("PrefixRegistered"));
    }

    @Test
    void theRecordingAuditHoldsThatRecordingOnlyAndTheCsvTheSameRows() {
        List<JsonNode> audit = client.all("/v1/audit?isrc=" + corrected, 100, null);
        assertThat(audit).extracting(row -> row.path("action").asText())
                .containsExactly("IsrcAssigned", "MetadataCorrected");
        assertThat(audit.get(0).path("changes").path("title").path("before").isNull()).isTrue();
        assertThat(audit.get(0).path("changes").path("duration").path("after").asText()).isEqualTo("PT3M");

        List<String> csv = client.csv("/v1/audit?prefix=" + prefix, null);
        assertThat(csv.get(0)).isEqualTo("occurred_at,id,source,actor,prefix,subject,action,reason,rule,field,"
                + "correlation_id,changes");
        assertThat(csv).hasSize(client.all("/v1/audit?prefix=" + prefix, 500, null).size() + 1);
        assertThat(csv).anySatisfy(line -> assertThat(line).contains("MetadataCorrected,typo in the title")
                .contains("\"{\"\"title\"\": {\"\"after\"\": \"\"Audited\"\", \"\"before\"\": \"\"Audit me\"\"}}\""));
        assertThat(csv).noneMatch(line -> line.contains(othersIsrc));
    }

    @Test
    void aRegistrantAuditsItsOwnPrefixesOnly() {
        assertThat(client.all("/v1/audit?prefix=" + prefix, 100, registrant)).isNotEmpty();
        assertProblem(client.get("/v1/audit?prefix=" + otherPrefix, registrant), HttpStatus.FORBIDDEN, "forbidden",
                null);
        assertProblem(client.get("/v1/audit?isrc=" + othersIsrc, registrant), HttpStatus.FORBIDDEN, "forbidden",
                null);
        // Its own refusal under the other prefix is outside its prefixes too.
        assertThat(client.all("/v1/audit?actor=" + registrantActor, 100, registrant))
                .isNotEmpty().allSatisfy(row -> assertThat(row.path("prefix").asText())
                        .isEqualTo(prefix.replace("-", "")));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem(client.get("/v1/audit", null), HttpStatus.BAD_REQUEST, "invalid-field", "prefix");
        assertProblem(client.get("/v1/audit?prefix=" + prefix + "&actor=x", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "prefix");
        assertProblem(client.get("/v1/audit?prefix=DE-Q!", null), HttpStatus.BAD_REQUEST, "invalid-code", "prefix");
        assertProblem(client.get("/v1/audit?prefix=DE-9ZZ", null), HttpStatus.NOT_FOUND, "prefix-not-registered",
                "prefix");
        assertProblem(client.get("/v1/audit?actor=token:nobody", null), HttpStatus.NOT_FOUND, "not-found", "actor");
        assertProblem(client.get("/v1/audit?isrc=DEX", null), HttpStatus.BAD_REQUEST, "invalid-code", "isrc");
        assertProblem(client.get("/v1/audit?prefix=" + prefix + "&from=2026-05-01&to=2026-04-01", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "to");
        assertProblem(client.get("/v1/audit?prefix=" + prefix + "&from=2020-01-01&to=2026-01-01", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "from");
        assertProblem(client.get("/v1/audit?prefix=" + prefix + "&from=yesterday", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "from");
        assertProblem(client.get("/v1/audit?prefix=" + prefix + "&cursor=bm90LWEtY3Vyc29y", null),
                HttpStatus.BAD_REQUEST, "invalid-field", "cursor");
        assertProblem(client.get("/v1/audit?prefix=" + prefix + "&limit=0", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "limit");
        // A period that holds none of it.
        assertThat(client.all("/v1/audit?prefix=" + prefix + "&from=2020-01-01&to=2020-12-31", 10, null)).isEmpty();
    }

    @Test
    void theLedgerOfRefusalsIsAppendOnly() {
        assertThatThrownBy(() -> jdbc.update("UPDATE refused_command SET actor = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM refused_command")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE refused_command")).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refused_command WHERE actor = ?", Integer.class,
                registrantActor)).isEqualTo(3);
    }
}
