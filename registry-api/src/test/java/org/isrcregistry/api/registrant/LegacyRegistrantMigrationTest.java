package org.isrcregistry.api.registrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prefixes registered before registrants were records keep working: their {@code PrefixRegistered} events, stored
 * exactly as the registry wrote them (revision 2: the holder's name and contact inside; revision 1: the name only),
 * become registrant records through the migration, and no stored row is rewritten.
 */
@RegistryIntegrationTest
class LegacyRegistrantMigrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LegacyRegistrants migration;

    @Autowired
    ReadYourWrites readYourWrites;

    /**
     * The rows one registration wrote in one transaction before this change: the event (as PrefixRegistered
     * revision 2 serialized it, with the event store's metadata) and the lookup of the prefix code.
     */
    private void storeAsTheRegistryWroteIt(PrefixCode prefix, String revision, String registrant) {
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Prefix', ?, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'), ?, ?, ?)""",
                prefix.value(), UUID.randomUUID().toString(),
                "{\"actor\":\"token:legacy\",\"correlationId\":\"legacy-1\"}",
                "{\"prefixCode\":\"" + prefix.value() + "\",\"registrant\":" + registrant
                        + ",\"range\":{\"first\":0,\"last\":99999}}",
                revision, "org.isrcregistry.core.prefix.PrefixRegistered", "2025-03-02T09:30:00.000Z");
        jdbc.update("INSERT INTO lookup_prefix_code (prefix_code, country_code) VALUES (?, ?)", prefix.value(),
                prefix.countryCode().value());
    }

    private List<Map<String, Object>> storedRows(PrefixCode prefix) {
        return jdbc.queryForList("SELECT globalindex, payload, payloadrevision, metadata FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND sequencenumber = 0", prefix.value());
    }

    private PrefixCode unusedPrefix() {
        while (true) {
            PrefixCode prefix = PrefixCode.parse("NL" + UUID.randomUUID().toString().replace("-", "")
                    .toUpperCase().substring(0, 3));
            if (jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                    Integer.class, prefix.value()) == 0) {
                return prefix;
            }
        }
    }

    @Test
    void aPrefixStoredByTheCurrentCodeBecomesARegistrantRecordAndKeepsWorking() {
        PrefixCode prefix = unusedPrefix();
        storeAsTheRegistryWroteIt(prefix, "2", "{\"name\":\"Disques Anciens\",\"contact\":\"isrc@anciens.example\"}");
        List<Map<String, Object>> before = storedRows(prefix);

        assertThat(migration.migrate()).isGreaterThanOrEqualTo(1);
        TestRegistry.readModelsCaughtUp(readYourWrites);

        JsonNode view = http.getForEntity("/v1/prefixes/" + prefix.display(), JsonNode.class).getBody();
        RegistrantId registrant = RegistrantId.ofLegacyPrefix(prefix);
        assertThat(view.path("registrant").path("id").asText()).isEqualTo(registrant.toString());
        assertThat(view.path("registrant").path("legalName").asText()).isEqualTo("Disques Anciens");
        JsonNode file = http.getForEntity("/v1/registrants/" + registrant, JsonNode.class).getBody();
        assertThat(file.path("registrant").path("registeredAt").asText()).isEqualTo("2025-03-02T09:30:00Z");
        assertThat(file.path("registrant").path("countryCode").asText()).isEqualTo("NL");
        assertThat(file.path("contactDetails").path("contacts").get(0).path("email").asText())
                .isEqualTo("isrc@anciens.example");
        ResponseEntity<JsonNode> assigned = new TestRegistry(http, jdbc).send(HttpMethod.POST,
                "/v1/prefixes/" + prefix.display() + "/recordings", song("Toujours là"), null);
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(assigned.getBody().path("isrc").asText()).startsWith(prefix.value());

        assertThat(storedRows(prefix)).as("the stored event is not rewritten").usingRecursiveComparison()
                .isEqualTo(before);
        int events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
        migration.migrate();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class))
                .as("a second run finds nothing left to do").isEqualTo(events);
    }

    @Test
    void aRevision1PrefixWhoseHolderWasAPlainNameIsMigratedToo() {
        PrefixCode prefix = unusedPrefix();
        storeAsTheRegistryWroteIt(prefix, "1", "\"Label Sans Contact\"");

        migration.migrate();
        TestRegistry.readModelsCaughtUp(readYourWrites);

        JsonNode view = http.getForEntity("/v1/prefixes/" + prefix.display(), JsonNode.class).getBody();
        assertThat(view.path("registrant").path("legalName").asText()).isEqualTo("Label Sans Contact");
        JsonNode history = http.getForEntity("/v1/registrants/" + RegistrantId.ofLegacyPrefix(prefix) + "/history",
                JsonNode.class).getBody();
        assertThat(history.findValuesAsText("type")).containsExactly("RegistrantRegistered", "PrefixAllocated");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("registry:legacy-registrant-migration");
    }
}
