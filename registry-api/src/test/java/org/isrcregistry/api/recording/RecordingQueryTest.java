package org.isrcregistry.api.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.AudioFingerprint;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.TransferOwnership;
import org.isrcregistry.core.recording.VersionReason;
import org.isrcregistry.core.recording.WithdrawIsrc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@RegistryIntegrationTest
class RecordingQueryTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway gateway;

    @Autowired
    ReadYourWrites readYourWrites;

    Recordings recordings;

    @BeforeEach
    void setUp() {
        recordings = new Recordings(gateway, readYourWrites);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    @Test
    void aRecordingIsFoundUnderAnyAcceptedFormOfItsCode() {
        PrefixCode prefix = recordings.prefix("DE-Q1A");
        Isrc isrc = recordings.assign(prefix, "Lookup Song", "Lookup Artist");

        String display = isrc.display();
        for (String form : List.of(isrc.value(), isrc.value().toLowerCase(), display, display.toLowerCase(),
                "ISRC " + display)) {
            ResponseEntity<JsonNode> found = get("/v1/recordings/{isrc}".replace("{isrc}", form));
            assertThat(found.getStatusCode()).as(form).isEqualTo(HttpStatus.OK);
            JsonNode body = found.getBody();
            assertThat(body.path("isrc").asText()).isEqualTo(isrc.value());
            assertThat(body.path("display").asText()).isEqualTo(display);
            assertThat(body.path("prefix").asText()).isEqualTo("DEQ1A");
            assertThat(body.path("title").asText()).isEqualTo("Lookup Song");
            assertThat(body.path("mainArtist").asText()).isEqualTo("Lookup Artist");
            assertThat(body.path("owner").asText()).isEqualTo("Owner A");
            assertThat(body.path("kind").asText()).isEqualTo("AUDIO");
            assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(body.path("version").asLong()).isZero();
        }
    }

    @Test
    void anUnknownCodeIsNotFoundAndAMalformedOneIsRefusedWithThePart() {
        ResponseEntity<JsonNode> unknown = get("/v1/recordings/DE-Q0X-26-99999");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("type").asText()).isEqualTo("https://isrc-registry.org/problems/not-found");

        ResponseEntity<JsonNode> malformed = get("/v1/recordings/DEQ0X2699");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("type").asText()).isEqualTo("https://isrc-registry.org/problems/invalid-code");
    }

    @Test
    void asOfGivesTheStateAtThatInstantExactly() {
        PrefixCode prefix = recordings.prefix("DE-Q2A");
        Isrc isrc = recordings.assign(prefix, "Transferred Song", "Some Artist");
        recordings.send(new TransferOwnership(isrc, "Owner B", LocalDate.of(2026, 1, 15)), "transfer-q2a");

        JsonNode events = get("/v1/recordings/" + isrc.value() + "/history").getBody().path("events");
        Instant created = Instant.parse(events.get(0).path("at").asText());
        Instant transferred = Instant.parse(events.get(events.size() - 1).path("at").asText());

        JsonNode before = get("/v1/recordings/" + isrc.value() + "?asOf=" + transferred.minusNanos(1000)).getBody();
        assertThat(before.path("owner").asText()).isEqualTo("Owner A");
        JsonNode at = get("/v1/recordings/" + isrc.value() + "?asOf=" + transferred).getBody();
        assertThat(at.path("owner").asText()).isEqualTo("Owner B");
        assertThat(at.path("ownerSince").asText()).isEqualTo("2026-01-15");
        assertThat(get("/v1/recordings/" + isrc.value()).getBody()).isEqualTo(at);

        ResponseEntity<JsonNode> beforeCreation = get("/v1/recordings/" + isrc.value() + "?asOf="
                + created.minusMillis(1));
        assertThat(beforeCreation.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> badInstant = get("/v1/recordings/" + isrc.value() + "?asOf=yesterday");
        assertThat(badInstant.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badInstant.getBody().path("field").asText()).isEqualTo("asOf");
    }

    @Test
    void historyListsEveryEventInOrderWithActorCorrelationAndReason() {
        PrefixCode prefix = recordings.prefix("DE-Q3A");
        Isrc isrc = recordings.assign(prefix, "History Song", "Some Artist");
        recordings.send(new TransferOwnership(isrc, "Owner B", LocalDate.of(2026, 2, 1)), "transfer-q3a");
        recordings.send(WithdrawIsrc.assignedInError(isrc), "withdraw-q3a");

        JsonNode body = get("/v1/recordings/" + isrc.display().toLowerCase() + "/history").getBody();
        JsonNode events = body.path("events");
        assertThat(body.path("isrc").asText()).isEqualTo(isrc.value());
        assertThat(events).hasSize(3);
        assertThat(events.get(0).path("type").asText()).isEqualTo("IsrcAssigned");
        assertThat(events.get(1).path("type").asText()).isEqualTo("OwnershipTransferred");
        assertThat(events.get(1).path("correlationId").asText()).isEqualTo("transfer-q3a");
        assertThat(events.get(1).path("event").path("newOwner").asText()).isEqualTo("Owner B");
        assertThat(events.get(2).path("type").asText()).isEqualTo("IsrcWithdrawn");
        assertThat(events.get(2).path("reason").asText()).isEqualTo("ASSIGNED_IN_ERROR");
        for (int i = 0; i < 3; i++) {
            assertThat(events.get(i).path("sequenceNumber").asLong()).isEqualTo(i);
            assertThat(events.get(i).path("actor").asText()).isEqualTo(Recordings.ACTOR);
        }
        assertThat(get("/v1/recordings/" + isrc.value()).getBody().path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void lineageShowsTheParentAndTheNewVersionsInTheRecordingsRepresentation() {
        PrefixCode prefix = recordings.prefix("DE-Q4A");
        Isrc parent = recordings.assign(prefix, "Original Song", "Some Artist");
        Isrc remix = recordings.newVersion(parent, prefix, VersionReason.of(ChangeKind.REMIX), "Club Remix");
        Isrc live = recordings.newVersion(parent, prefix, VersionReason.of(ChangeKind.LIVE), "Live");

        JsonNode ofParent = get("/v1/recordings/" + parent.value() + "/lineage").getBody();
        assertThat(ofParent.path("parent").isMissingNode()).isTrue();
        assertThat(ofParent.path("children").findValuesAsText("isrc")).containsExactly(remix.value(), live.value());
        assertThat(ofParent.path("children").get(0).path("versionTitle").asText()).isEqualTo("Club Remix");

        JsonNode ofRemix = get("/v1/recordings/" + remix.value() + "/lineage").getBody();
        assertThat(ofRemix.path("parent").path("isrc").asText()).isEqualTo(parent.value());
        assertThat(ofRemix.path("recording").path("versionReason").path("change").asText()).isEqualTo("REMIX");
        assertThat(ofRemix.path("children")).isEmpty();
        assertThat(get("/v1/recordings/" + parent.value()).getBody().path("children"))
                .extracting(JsonNode::asText).containsExactly(remix.value(), live.value());
    }

    @Test
    void aLookUpShowsOnlyPublicFields() {
        PrefixCode prefix = recordings.prefix("DE-Q8A");
        RecordingDetails withAudio = Recordings.details("Fingerprinted", "Some Artist", "Owner A");
        Isrc isrc = recordings.assign(prefix, new RecordingDetails(withAudio.metadata(), "Owner A", null,
                AudioFingerprint.of("ab".repeat(32)), null));
        assertThat(TestRegistry.readModelsCaughtUp(readYourWrites)).isTrue();

        JsonNode found = get("/v1/recordings/" + isrc.value()).getBody();
        assertThat(found.path("title").asText()).isEqualTo("Fingerprinted");
        assertThat(found.has("fingerprint")).as(found.toString()).isFalse();
        assertThat(found.path("possibleDuplicates").isArray()).isTrue();
        assertThat(found.path("possibleDuplicates")).isEmpty();
        assertThat(found.toString()).doesNotContain("abababab");
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        PrefixCode prefix = recordings.prefix("DE-Q5A");
        Isrc elan = recordings.assign(prefix, "Élan Vital", "Chloé Dupré");
        recordings.assign(prefix, "Something Else", "Chloé Dupré");

        for (String query : List.of("title=elan", "title=ÉLAN vital", "title=VITAL", "artist=chloe dupre&title=élan")) {
            JsonNode page = get("/v1/recordings?prefix=DE-Q5A&" + query).getBody();
            assertThat(page.path("items").findValuesAsText("isrc")).as(query).containsExactly(elan.value());
        }
        JsonNode byArtist = get("/v1/recordings?artist=DUPRE&prefix=deq5a&kind=audio&status=active").getBody();
        assertThat(byArtist.path("items")).hasSize(2);
        assertThat(get("/v1/recordings?prefix=DE-Q5A&year=1999").getBody().path("items")).isEmpty();
        assertThat(get("/v1/recordings?prefix=DE-Q5A&title=100%").getBody().path("items")).isEmpty();
    }

    @Test
    void searchPagesFollowEachOtherInIsrcOrderWithoutGapsOrRepeats() {
        PrefixCode prefix = recordings.prefix("DE-Q6A");
        List<String> assigned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assigned.add(recordings.assign(prefix, "Paged Song " + i, "Pager").value());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/v1/recordings?artist=pager&prefix=DE-Q6A&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).getBody();
            seen.addAll(page.path("items").findValuesAsText("isrc"));
            cursor = page.path("next").isMissingNode() ? null : page.path("next").asText();
            pages++;
            if (pages == 1) {
                // A recording added while paging comes after the cursor: nothing shifts, nothing repeats.
                assigned.add(recordings.assign(prefix, "Paged Song 5", "Pager").value());
            }
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(assigned.stream().sorted().toList());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void badSearchParametersAreRefusedNamingTheField() {
        for (String[] bad : List.of(new String[] {"kind=vinyl", "kind"}, new String[] {"status=lost", "status"},
                new String[] {"limit=0", "limit"}, new String[] {"limit=many", "limit"},
                new String[] {"year=123", "year"}, new String[] {"cursor=not-a-cursor", "cursor"})) {
            ResponseEntity<JsonNode> response = get("/v1/recordings?" + bad[0]);
            assertThat(response.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().path("field").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(response.getBody().path("action").asText()).as(bad[0]).isNotBlank();
        }
    }
}
