package org.isrcregistry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.isrcregistry.api.BatchOfOne;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistrants;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.identifier.ReleaseCode;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.recording.ChangeDistributor;
import org.isrcregistry.core.recording.LinkRelease;
import org.isrcregistry.core.recording.LinkWork;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.Release;
import org.isrcregistry.core.recording.TransferOwnership;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.projections.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rebuilding the read models from the event store, and events a read model cannot apply. */
@RegistryIntegrationTest
class ReadModelRebuildTest {

    /** Every read-model table, with an order that makes its rows comparable. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("prefix_view", "prefix_code");
        TABLES.put("prefix_usage", "prefix_code, year_of_reference");
        TABLES.put("recording_view", "isrc");
        TABLES.put("recording_lineage", "parent_isrc, child_isrc");
        TABLES.put("recording_release", "isrc, release_code");
        TABLES.put("recording_work", "isrc, iswc");
        TABLES.put("recording_party_history", "isrc, sequence_number, role");
        TABLES.put("audit_log", "global_index");
        TABLES.put("compliance_event", "global_index");
        TABLES.put("compliance_recording", "isrc");
        TABLES.put("compliance_prefix", "prefix_code");
        TABLES.put("compliance_state", "isrc, sequence_number");
        TABLES.put("compliance_activity", "prefix_code, month");
        TABLES.put("compliance_conflict", "conflict_id");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    EventStore eventStore;

    @Autowired
    ReadYourWrites readYourWrites;

    private <R> R send(Object command) {
        R result = gateway.sendAndWait(command, MetaData.with("actor", "rebuild-test").and("correlationId", "rebuild"));
        assertThat(TestRegistry.readModelsCaughtUp(readYourWrites)).isTrue();
        return result;
    }

    private RegistrantId registrant(String name, PrefixCode prefix) {
        return TestRegistrants.register(this::send, name, prefix.countryCode());
    }

    @Test
    void rebuildingEveryReadModelTwiceGivesExactlyTheSameTables() {
        PrefixCode prefix = PrefixCode.parse("JP-R3B");
        send(new RegisterPrefix(prefix, null, registrant("Rebuild Records", prefix), null));
        IsrcRegistration registration = BatchOfOne.registration(send(BatchOfOne.assign(prefix, new RecordingDetails(
                new RecordingMetadata("Rebuilt", null, "Rébuild Artist", List.of(), RecordingDuration.ofMillis(201_000),
                        RecordingKind.AUDIO, LocalDate.of(2025, 5, 1)), "Label One", "Distro One", null, null))));
        Isrc isrc = registration.isrc();
        send(new TransferOwnership(isrc, "Label Two", LocalDate.of(2026, 1, 1)));
        send(new ChangeDistributor(isrc, "Distro Two", LocalDate.of(2026, 1, 2)));
        send(new LinkRelease(isrc, new Release(ReleaseCode.parse("036000291452"), "The Album", "CD", Set.of("JP", "CA"))));
        send(new LinkWork(isrc, Iswc.parse("T-034.524.680-1")));
        // Every read model, the audit log included (commands only wait for the queried ones).
        assertThat(readYourWrites.awaitProjections(ReadModels.ALL.toArray(String[]::new))).isTrue();
        Map<String, List<String>> before = snapshot();
        assertThat(before.get("recording_party_history")).filteredOn(r -> r.contains(isrc.value())).hasSize(4);
        assertThat(before.get("recording_release")).filteredOn(r -> r.contains(isrc.value()))
                .singleElement().asString().contains("{CA,JP}");

        // Every read model in one pass: the rebuilt tables equal the ones the live processors wrote.
        assertThat(http.postForEntity("/v1/admin/projections/rebuild", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        awaitRebuilt();
        assertThat(snapshot()).as("rebuilt in one pass").isEqualTo(before);

        // One by one, with a command while they rebuild: the old tables serve reads meanwhile, and the change is in
        // the rebuilt tables (applied by the rebuild or by the processor after the swap), once.
        for (String name : ReadModels.ALL) {
            assertThat(http.postForEntity("/v1/admin/projections/" + name + "/rebuild", null, JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        }
        assertThat(http.getForEntity("/v1/recordings/" + isrc.value(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        send(new TransferOwnership(isrc, "Label Three", LocalDate.of(2026, 2, 1)));
        awaitRebuilt();
        Map<String, List<String>> changed = snapshot();
        assertThat(changed.get("recording_party_history")).filteredOn(r -> r.contains(isrc.value())).hasSize(5);
        assertThat(changed.get("audit_log")).hasSize(before.get("audit_log").size() + 1);
        assertThat(http.getForObject("/v1/recordings/" + isrc.value(), JsonNode.class).path("owner").asText())
                .isEqualTo("Label Three");

        // And rebuilding that gives the same tables again.
        http.postForEntity("/v1/admin/projections/rebuild", null, JsonNode.class);
        awaitRebuilt();
        assertThat(snapshot()).as("rebuilt after the change").isEqualTo(changed);
    }

    @Test
    void aReadModelBeingRebuiltCannotBeRebuiltTwiceAtOnce() {
        ResponseEntity<JsonNode> first = http.postForEntity("/v1/admin/projections/prefix-projection/rebuild", null,
                JsonNode.class);
        ResponseEntity<JsonNode> second = http.postForEntity("/v1/admin/projections/prefix-projection/rebuild", null,
                JsonNode.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(first.getBody().path("rebuild").path("readModels")).hasSize(1);
        // A rebuild takes far longer than one request (tables, a pass over the store, indexes, stopping the processor).
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().path("field").asText()).isEqualTo("name");
        awaitRebuilt();
    }

    /** Until no rebuild is running, every read model running and at the head of the store. */
    private void awaitRebuilt() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode statuses = http.getForObject("/v1/admin/projections", JsonNode.class);
            assertThat(statuses).hasSize(ReadModels.ALL.size()).allSatisfy(status -> {
                assertThat(status.path("rebuild").path("state").asText()).isIn("DONE", "");
                assertThat(status.path("running").asBoolean()).isTrue();
            });
        });
        assertThat(readYourWrites.awaitProjections(ReadModels.ALL.toArray(String[]::new))).isTrue();
    }

    @Test
    void anEventARecordingCannotApplyIsParkedAndTheProjectionGoesOn() {
        // An event of a recording that was never created: the fold refuses it.
        Isrc orphan = Isrc.parse("JP-D1Q-26-00001");
        eventStore.publish(new GenericDomainEventMessage<>("Recording", orphan.value(), 0,
                new OwnershipTransferred(orphan, "Nobody", "Somebody", LocalDate.of(2026, 1, 1))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode letters = http.getForObject("/v1/admin/dead-letters", JsonNode.class);
            assertThat(letters).anySatisfy(letter -> {
                assertThat(letter.path("projection").asText()).isEqualTo("recordings");
                assertThat(letter.path("sequence").asText()).isEqualTo(orphan.value());
                assertThat(letter.path("eventType").asText()).isEqualTo("OwnershipTransferred");
                // Finding 11 of issue 11: a kind and the event id to look up in the log; no exception, no SQL.
                assertThat(letter.path("errorKind").asText()).isEqualTo("INCONSISTENT_EVENT");
                assertThat(letter.has("cause")).isFalse();
                assertThat(letter.toString()).doesNotContain("Exception", "starts with its creation");
            });
        });

        PrefixCode prefix = PrefixCode.parse("JP-D2Q");
        send(new RegisterPrefix(prefix, null, registrant("After The Failure", prefix), null));
        IsrcRegistration later = BatchOfOne.registration(send(BatchOfOne.assign(prefix, new RecordingDetails(
                new RecordingMetadata("Later", null, "Artist", List.of(), RecordingDuration.ofMillis(100_000),
                        RecordingKind.AUDIO, null), "Owner", null, null, null))));
        assertThat(http.getForEntity("/v1/recordings/" + later.isrc().value(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode recordings = http.getForObject("/v1/admin/projections", JsonNode.class);
        assertThat(recordings).anySatisfy(status -> {
            assertThat(status.path("name").asText()).isEqualTo("recordings");
            assertThat(status.path("deadLetters").asLong()).isPositive();
        });

        ResponseEntity<JsonNode> retried = http.postForEntity("/v1/admin/dead-letters/recordings/retry", null,
                JsonNode.class);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().path("deadLettersLeft").asLong()).isPositive();
    }

    @Test
    void onlyReadModelsCanBeRebuilt() {
        ResponseEntity<JsonNode> response = http.postForEntity("/v1/admin/projections/kafka-feed/rebuild", null,
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("field").asText()).isEqualTo("name");
    }

    /** Each table's rows as PostgreSQL's own text form of the row: every column, compared exactly. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> tables.put(table, jdbc.queryForList(
                "SELECT t::text FROM " + table + " t ORDER BY " + order, String.class)));
        return tables;
    }
}
