package org.isrcregistry.api.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.config.AxonConfiguration;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.Recordings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The as-of queries and the compliance reports over real HTTP and PostgreSQL, each with data that must appear and
 * data that must not (docs/compliance.md defines them).
 */
@RegistryIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ReadYourWrites readYourWrites;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionTemplate transactions;

    ComplianceClient client;
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String full;
    String catalogue;
    String twinA;
    String twinB;
    String far;
    String live;
    String complete;
    String videoAlone;
    String videoLinked;
    String importedLate;
    String importedOnTime;
    String late;
    Instant beforeCorrections;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** Effective dates ahead (the registry takes them up to a year ahead). */
    LocalDate distributorLeaves = today.plusDays(100);
    LocalDate transferred = today.plusDays(200);

    @BeforeAll
    void catalogueWithSomethingForEveryReport() {
        client = new ComplianceClient(http, readYourWrites);
        full = client.newPrefix(1, 5);
        for (int i = 1; i <= 5; i++) {
            client.assign(full, song("Filler " + i, "Filler", "PT2M0" + i + "S", "Owner F", ""), null);
        }
        client.send(HttpMethod.POST, "/v1/prefixes/" + full + "/suspension", "{\"reason\": \"audit\"}", null);
        assertProblem(client.send(HttpMethod.POST, "/v1/prefixes/" + full + "/recordings",
                song("Refused", "Filler", "PT2M", "Owner F", ""), null), HttpStatus.CONFLICT, "prefix-suspended", null);
        client.send(HttpMethod.DELETE, "/v1/prefixes/" + full + "/suspension", null, null);

        catalogue = client.newPrefix(null, null);
        String artist = "Ana Twin " + unique;
        twinA = client.assign(catalogue, song("Twin Song", artist, "PT3M18S", "Alpha_" + unique, ""), null);
        twinB = client.assign(catalogue, song("Twin Song", artist, "PT3M19S", "Owner T", ""), null);
        far = client.assign(catalogue, song("Twin Song", artist, "PT3M25S", "Owner T", ""), null);
        live = client.assign(catalogue, song("Twin Song", artist, "PT3M18S", "Owner T",
                ", \"versionTitle\": \"Live\""), null);
        complete = client.assign(catalogue, song("Complete Song", artist, "PT3M", "Owner T",
                ", \"versionTitle\": \"Radio edit\", \"firstPublished\": \"2024-05-01\", \"distributor\": \"Dist_"
                        + unique + "\""), null);
        videoAlone = client.assign(catalogue, song("Video", artist, "PT4M", "Owner T", "").replace("AUDIO", "VIDEO"),
                null);
        videoLinked = client.assign(catalogue, song("Video linked", artist, "PT4M", "Owner T",
                ", \"audioIsrc\": \"" + complete + "\"").replace("AUDIO", "VIDEO"), null);
        String code = catalogue.replace("-", "");
        importedLate = code + "2590001";
        importedOnTime = code + "2590002";
        assertThat(client.send(HttpMethod.PUT, "/v1/recordings/" + importedLate, song("Old hit", artist, "PT2M",
                "Owner T", ", \"firstPublished\": \"2019-03-01\""), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(client.send(HttpMethod.PUT, "/v1/recordings/" + importedOnTime, song("New hit", artist, "PT2M",
                "Owner T", ", \"firstPublished\": \"2025-06-01\""), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        client.awaitCompliance();
        beforeCorrections = Instant.now();

        ok(client.send(HttpMethod.PATCH, "/v1/recordings/" + complete,
                "{\"reason\": \"remeasured\", \"duration\": \"PT3M05S\"}", null));
        ok(client.send(HttpMethod.PATCH, "/v1/recordings/" + far, "{\"reason\": \"typo\", \"title\": \"Far Song\"}",
                null));
        ok(client.send(HttpMethod.POST, "/v1/recordings/" + twinA + "/ownership-transfers",
                "{\"newOwner\": \"Beta_" + unique + "\", \"effectiveDate\": \"" + transferred + "\"}", null));
        ok(client.send(HttpMethod.POST, "/v1/recordings/" + complete + "/distributor-changes",
                "{\"effectiveDate\": \"" + distributorLeaves + "\"}", null));
        ok(client.send(HttpMethod.POST, "/v1/recordings/" + live + "/withdrawal",
                "{\"reason\": \"ASSIGNED_IN_ERROR\"}", null));
        late = client.assign(catalogue, song("Late Song", artist, "PT1M", "Owner T", ""), null);
    }

    private static String song(String title, String artist, String duration, String owner, String extra) {
        return """
                {"title": "%s", "mainArtist": "%s", "duration": "%s", "kind": "AUDIO", "owner": "%s"%s}"""
                .formatted(title, artist, duration, owner, extra);
    }

    private static void ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    }

    private static List<String> isrcs(List<JsonNode> rows) {
        return rows.stream().map(row -> row.path("isrc").asText()).toList();
    }

    @Test
    void holdingsOnADateFollowTheEffectiveDatesOfTransfersAndDistributorChanges() {
        String alpha = "/v1/catalogue/holdings?party=Alpha_" + unique;
        String beta = "/v1/catalogue/holdings?party=Beta_" + unique;
        assertThat(isrcs(client.all(alpha + "&date=" + today, 10, null))).containsExactly(twinA);
        assertThat(isrcs(client.all(alpha + "&date=" + transferred.plusDays(1), 10, null))).isEmpty();
        assertThat(isrcs(client.all(beta + "&date=" + transferred, 10, null))).containsExactly(twinA);
        assertThat(isrcs(client.all(beta + "&date=" + today, 10, null))).isEmpty();
        String distributor = "/v1/catalogue/holdings?role=distributor&party=Dist_" + unique;
        assertThat(isrcs(client.all(distributor + "&date=" + today, 10, null))).containsExactly(complete);
        assertThat(isrcs(client.all(distributor + "&date=" + distributorLeaves, 10, null))).isEmpty();

        assertProblem(client.get("/v1/catalogue/holdings?party=Nobody_" + unique, null), HttpStatus.NOT_FOUND,
                "not-found", "party");
        assertProblem(client.get(alpha + "&date=2027-13-01", null), HttpStatus.BAD_REQUEST, "invalid-field", "date");
        assertProblem(client.get(alpha + "&role=producer", null), HttpStatus.BAD_REQUEST, "invalid-field", "role");
        assertProblem(client.get("/v1/catalogue/holdings", null), HttpStatus.BAD_REQUEST, "invalid-field", "party");
    }

    @Test
    void aPrefixCatalogueAtAnInstantIsFoldedFromTheEventsNotTodaysRows() {
        List<JsonNode> then = client.all("/v1/prefixes/" + catalogue + "/catalogue?asOf=" + beforeCorrections, 4,
                null);
        assertThat(isrcs(then)).contains(twinA, far, live, complete).doesNotContain(late);
        assertThat(then).filteredOn(row -> row.path("isrc").asText().equals(far))
                .singleElement().satisfies(row -> assertThat(row.path("title").asText()).isEqualTo("Twin Song"));
        assertThat(then).filteredOn(row -> row.path("isrc").asText().equals(live))
                .singleElement().satisfies(row -> assertThat(row.path("status").asText()).isEqualTo("ACTIVE"));

        List<JsonNode> now = client.all("/v1/prefixes/" + catalogue + "/catalogue", 100, null);
        assertThat(isrcs(now)).contains(late);
        assertThat(now).filteredOn(row -> row.path("isrc").asText().equals(far))
                .singleElement().satisfies(row -> assertThat(row.path("title").asText()).isEqualTo("Far Song"));
        assertThat(now).filteredOn(row -> row.path("isrc").asText().equals(live))
                .singleElement().satisfies(row -> assertThat(row.path("status").asText()).isEqualTo("WITHDRAWN"));
        assertThat(client.csv("/v1/prefixes/" + catalogue + "/catalogue", null)).hasSize(now.size() + 1);

        assertProblem(client.get("/v1/prefixes/" + catalogue + "/catalogue?asOf=noon", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "asOf");
        assertProblem(client.get("/v1/prefixes/DE-9ZZ/catalogue", null), HttpStatus.NOT_FOUND,
                "prefix-not-registered", "prefix");
    }

    @Test
    void usageShowsTheShareOfTheRangeAndFlagsAPrefixPastEightyPercent() {
        JsonNode used = client.all("/v1/compliance/usage?prefix=" + full, 10, null).get(0);
        assertThat(used.path("issued").asInt()).isEqualTo(5);
        assertThat(used.path("capacity").asInt()).isEqualTo(5);
        assertThat(used.path("share").asDouble()).isEqualTo(1.0);
        assertThat(used.path("flagged").asBoolean()).isTrue();
        assertThat(used.path("runs_out_on").asText()).isEqualTo(today.toString());
        assertThat(used.path("year").asInt()).isEqualTo(today.getYear());

        List<JsonNode> usage = client.all("/v1/compliance/usage?prefix=" + catalogue, 10, null);
        assertThat(usage).extracting(row -> row.path("year").asInt())
                .containsExactlyInAnyOrder(today.getYear(), 2025);
        assertThat(usage).allSatisfy(row -> assertThat(row.path("flagged").asBoolean()).isFalse());
        assertThat(usage).filteredOn(row -> row.path("year").asInt() == 2025).singleElement()
                .satisfies(row -> assertThat(row.path("imported").asInt()).isEqualTo(2));

        List<String> csv = client.csv("/v1/compliance/usage?prefix=" + full, null);
        assertThat(csv.get(0)).isEqualTo("prefix,registrant_id,registrant,year,assigned,imported,issued,capacity,share,"
                + "runs_out_on,flagged");
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith(full.replace("-", "") + ",").contains(",Test " + full + ","
                + today.getYear() + ",5,0,5,5,");
    }

    @Test
    void possibleDuplicatesAreTheSameMetadataWithinTwoSecondsAndNothingElse() {
        List<JsonNode> duplicates = client.all("/v1/compliance/duplicates?prefix=" + catalogue, 10, null);
        assertThat(duplicates).singleElement().satisfies(pair -> {
            assertThat(pair.path("first_isrc").asText()).isEqualTo(min(twinA, twinB));
            assertThat(pair.path("second_isrc").asText()).isEqualTo(max(twinA, twinB));
            assertThat(pair.path("basis").asText()).isEqualTo("SAME_METADATA");
            assertThat(pair.path("conflict_status").asText()).isEqualTo("OPEN");
        });
        List<String> csv = client.csv("/v1/compliance/duplicates?prefix=" + catalogue, null);
        assertThat(csv).hasSize(2);
        assertThat(String.join("\n", csv)).doesNotContain(far).doesNotContain(live);
    }

    /**
     * The registry never issues the same audio under two active codes (the second is refused; a withdrawal frees the
     * fingerprint), so only a history migrated from an earlier system can hold such a pair: written here straight to
     * the event store, as a migration would, past the registry's own guard.
     */
    @Test
    void theSameAudioUnderTwoActiveCodesIsADuplicateAndAFingerprintFreedByAWithdrawalIsNot() {
        String prefix = client.newPrefix(null, null);
        String reused = fingerprint();
        String first = client.assign(prefix, song("Reused Audio", "Fp " + unique, "PT2M", "Owner T",
                ", \"fingerprint\": \"" + reused + "\""), null);
        assertProblem(client.send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Other Title",
                "Fp " + unique, "PT5M", "Owner T", ", \"fingerprint\": \"" + reused + "\""), null),
                HttpStatus.CONFLICT, "duplicate-audio", "fingerprint");
        ok(client.send(HttpMethod.POST, "/v1/recordings/" + first + "/withdrawal",
                "{\"reason\": \"ASSIGNED_IN_ERROR\"}", null));
        String second = client.assign(prefix, song("Reused Audio", "Fp " + unique, "PT2M", "Owner T",
                ", \"fingerprint\": \"" + reused + "\""), null);

        String migrated = fingerprint();
        String template = client.assign(prefix, song("Migrated " + unique, "Fp " + unique, "PT4M", "Owner T",
                ", \"fingerprint\": \"" + migrated + "\""), null);
        ok(client.send(HttpMethod.POST, "/v1/recordings/" + template + "/withdrawal",
                "{\"reason\": \"ASSIGNED_IN_ERROR\"}", null));
        RecordingDetails details = ((RecordingCreated) storage.readEvents(template).next().getPayload()).details();
        String code = prefix.replace("-", "");
        List<String> twins = List.of(code + "2480001", code + "2480002");
        transactions.execute(status -> {
            storage.appendEvents(twins.stream().map(isrc -> new GenericDomainEventMessage<>(Recordings.TYPE, isrc, 0,
                    new ExistingIsrcRegistered(Isrc.parse(isrc), details),
                    MetaData.with(AxonConfiguration.ACTOR, "migration").and(AxonConfiguration.CORRELATION_ID,
                            UUID.randomUUID().toString()))).toList());
            return null;
        });

        List<JsonNode> duplicates = client.all("/v1/compliance/duplicates?prefix=" + prefix, 10, null);
        assertThat(duplicates).singleElement().satisfies(pair -> {
            assertThat(pair.path("first_isrc").asText()).isEqualTo(twins.get(0));
            assertThat(pair.path("second_isrc").asText()).isEqualTo(twins.get(1));
            assertThat(pair.path("basis").asText()).isEqualTo("SAME_FINGERPRINT");
        });
        assertThat(String.join("\n", client.csv("/v1/compliance/duplicates?prefix=" + prefix, null)))
                .contains(twins.get(0) + "," + twins.get(1)).contains("SAME_FINGERPRINT")
                .doesNotContain(first).doesNotContain(second).doesNotContain(template);
    }

    private static String fingerprint() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    }

    @Test
    void signalsShowEachBreachAndNoCodeWasEverIssuedUnderASuspendedPrefix() {
        List<JsonNode> signals = client.all("/v1/compliance/signals?prefix=" + catalogue, 2, null);
        assertThat(signals).extracting(row -> row.path("signal").asText() + " " + row.path("isrc").asText())
                .containsExactlyInAnyOrder("DURATION_CORRECTED " + complete, "VIDEO_WITHOUT_AUDIO_LINK " + videoAlone,
                        "IMPORTED_YEAR_AFTER_FIRST_PUBLICATION " + importedLate);
        assertThat(signals).filteredOn(row -> row.path("signal").asText().equals("DURATION_CORRECTED"))
                .singleElement().satisfies(row -> assertThat(row.path("detail").asText())
                        .isEqualTo("PT3M -> PT3M5S: remeasured"));

        assertThat(client.all("/v1/compliance/signals?signal=assigned_under_suspended_prefix", 10, null)).isEmpty();
        assertThat(client.all("/v1/compliance/signals?signal=VERSION_KEEPS_AUDIO&prefix=" + catalogue, 10, null))
                .isEmpty();
        assertThat(client.csv("/v1/compliance/signals?prefix=" + catalogue, null)).hasSize(4);
        assertProblem(client.get("/v1/compliance/signals?signal=LOUD", null), HttpStatus.BAD_REQUEST, "invalid-field",
                "signal");
    }

    @Test
    void completenessIsTheShareOfActiveRecordingsWithEachMinimumFieldAndListsThoseMissingOne() {
        JsonNode share = client.all("/v1/compliance/completeness?prefix=" + catalogue, 10, null).get(0);
        // Active: twinA, twinB, far, complete, two videos, two imports, late (live is withdrawn).
        assertThat(share.path("recordings").asInt()).isEqualTo(9);
        assertThat(share.path("main_artist").asDouble()).isEqualTo(1.0);
        assertThat(share.path("duration").asDouble()).isEqualTo(1.0);
        assertThat(share.path("version_title").asDouble()).isEqualTo(0.1111);
        assertThat(share.path("first_published").asDouble()).isEqualTo(0.3333);
        assertThat(share.path("incomplete").asInt()).isEqualTo(8);

        List<JsonNode> missing = client.all("/v1/compliance/completeness/missing?prefix=" + catalogue, 3, null);
        assertThat(isrcs(missing)).hasSize(8).doesNotContain(complete, live).contains(twinA, importedLate);
        assertThat(missing).filteredOn(row -> row.path("isrc").asText().equals(twinA)).singleElement()
                .satisfies(row -> assertThat(row.path("missing").asText()).isEqualTo("versionTitle firstPublished"));
        assertThat(missing).filteredOn(row -> row.path("isrc").asText().equals(importedLate)).singleElement()
                .satisfies(row -> assertThat(row.path("missing").asText()).isEqualTo("versionTitle"));
    }

    @Test
    void withdrawalsListWithdrawnCodesOnly() {
        List<JsonNode> withdrawn = client.all("/v1/compliance/withdrawals?prefix=" + catalogue, 10, null);
        assertThat(withdrawn).singleElement().satisfies(row -> {
            assertThat(row.path("isrc").asText()).isEqualTo(live);
            assertThat(row.path("reason").asText()).isEqualTo("ASSIGNED_IN_ERROR");
            assertThat(row.has("points_to")).isFalse();
        });
    }

    @Test
    void activityCountsAssignedImportedTransferredAndWithdrawnPerPrefixAndMonth() {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        List<JsonNode> activity = client.all("/v1/compliance/activity?prefix=" + catalogue + "&from=" + month
                + "&to=" + month, 10, null);
        assertThat(activity).singleElement().satisfies(row -> {
            assertThat(row.path("month").asText()).isEqualTo(month + "-01");
            assertThat(row.path("assigned").asInt()).isEqualTo(8);
            assertThat(row.path("imported").asInt()).isEqualTo(2);
            assertThat(row.path("transferred").asInt()).isEqualTo(1);
            assertThat(row.path("withdrawn").asInt()).isEqualTo(1);
        });
        assertThat(client.all("/v1/compliance/activity?prefix=" + catalogue + "&from=2020-01&to=2020-12", 10, null))
                .isEmpty();
        assertProblem(client.get("/v1/compliance/activity?from=2026-05&to=2026-01", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "to");
        assertProblem(client.get("/v1/compliance/activity?from=2000-01&to=2026-01", null), HttpStatus.BAD_REQUEST,
                "invalid-field", "from");
        assertProblem(client.get("/v1/compliance/activity?from=May", null), HttpStatus.BAD_REQUEST, "invalid-field",
                "from");
    }

    @Test
    void aRegistrantSeesItsOwnPrefixesOnly() {
        String secret = client.issue("{\"name\": \"Full label\", \"role\": \"REGISTRANT\", \"prefixes\": [\"" + full
                + "\"]}").path("token").asText();
        assertThat(client.all("/v1/compliance/usage", 500, secret)).isNotEmpty()
                .allSatisfy(row -> assertThat(row.path("prefix").asText()).isEqualTo(full.replace("-", "")));
        assertThat(client.all("/v1/compliance/signals", 500, secret)).isEmpty();
        assertProblem(client.get("/v1/compliance/duplicates?prefix=" + catalogue, secret), HttpStatus.FORBIDDEN,
                "forbidden", null);
        assertProblem(client.get("/v1/prefixes/" + catalogue + "/catalogue", secret), HttpStatus.FORBIDDEN,
                "forbidden", null);
    }

    private static String min(String a, String b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a.compareTo(b) < 0 ? b : a;
    }
}
