package org.isrcregistry.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An import appends its events in bulk (COPY, no recording aggregate built); they must be exactly what registering
 * the codes one by one stores, load into the same aggregates, and take designations under the prefix's stream
 * position like every other command.
 */
@RegistryIntegrationTest
class BulkImportEventsTest extends WithNewPrefix {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough rows for the unit of work's events to go by COPY. */
    private static final int ROWS = 40;

    private String code() {
        return prefix.replace("-", "");
    }

    private static String song(String title, int seconds) {
        return """
                {"title": "%s", "versionTitle": "Radio edit", "mainArtist": "Ariane Tremblay", "duration": "PT%dS",
                 "kind": "AUDIO", "firstPublished": "2014-05-01", "owner": "Disques Nordet", "distributor": "Distro",
                 "contributors": [{"name": "Ariane Tremblay", "role": "MAIN_ARTIST"}]}""".formatted(title, seconds);
    }

    private static String row(String isrc, String song) throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(song);
        return JSON.writeValueAsString(JSON.createObjectNode().put("isrc", isrc).setAll(row));
    }

    private JsonNode imported(String ndjson) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        ResponseEntity<JsonNode> accepted = http.postForEntity("/v1/prefixes/" + prefix + "/recordings/imports",
                new HttpEntity<>(ndjson, headers), JsonNode.class);
        assertThat(accepted.getStatusCode()).as(accepted.toString()).isEqualTo(HttpStatus.ACCEPTED);
        String location = accepted.getHeaders().getLocation().toString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.getForObject(location + "?limit=0", JsonNode.class),
                        view -> "COMPLETED".equals(view.path("status").asText()));
    }

    /** The stream's events as stored, the ISRC in payloads replaced by {@code <isrc>}. */
    private List<Map<String, Object>> stored(String isrc) {
        return jdbc.queryForList("""
                        SELECT type, sequencenumber, payloadtype, payloadrevision, payload, metadata, timestamp
                        FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""", isrc)
                .stream().map(row -> {
                    Map<String, Object> event = new java.util.LinkedHashMap<>(row);
                    event.put("payload", tree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8)
                            .replace(isrc, "<isrc>")));
                    JsonNode metaData = tree(new String((byte[]) row.get("metadata"), StandardCharsets.UTF_8));
                    event.put("metadata", metaData);
                    assertThat((String) event.remove("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                    return event;
                }).toList();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }

    @Test
    void anImportStoresWhatRegisteringEachCodeStoresAndItsRecordingsTakeCommands() throws Exception {
        String one = code() + "1400001";
        assertThat(registry.send(HttpMethod.PUT, "/v1/recordings/" + one, song("Même chanson", 200), null)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String duplicateOne = code() + "1400002";
        assertThat(registry.send(HttpMethod.PUT, "/v1/recordings/" + duplicateOne, song("Autre chanson", 300), null)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        StringBuilder ndjson = new StringBuilder();
        for (int n = 1; n <= ROWS; n++) {
            // Row 1: the same song as the first code; row 2 a likely duplicate of the second; the others new.
            String song = n == 1 ? song("Même chanson", 200) : n == 2 ? song("Autre chanson", 301)
                    : song("Chanson " + n, 100 + n);
            ndjson.append(row(code() + "15%05d".formatted(n), song)).append('\n');
        }

        JsonNode done = imported(ndjson.toString());

        assertThat(done.path("registered").asInt()).isEqualTo(ROWS);
        String bulk = code() + "1500001";
        List<Map<String, Object>> perRow = stored(one);
        List<Map<String, Object>> imported = stored(bulk);
        assertThat(imported).hasSize(2);
        assertThat(imported.get(0)).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(perRow.get(0));
        assertThat(imported.get(1)).containsEntry("payloadtype",
                "org.isrcregistry.core.recording.PossibleDuplicateDetected").containsEntry("sequencenumber", 1L);
        // A likely duplicate within the tolerance is reported, as registering the row alone reports it.
        List<Map<String, Object>> duplicate = stored(code() + "1500002");
        assertThat(duplicate).hasSize(2);
        assertThat(((JsonNode) duplicate.get(1).get("payload")).path("candidates").toString())
                .contains(duplicateOne);
        JsonNode perRowMetaData = (JsonNode) perRow.get(0).get("metadata");
        for (Map<String, Object> event : imported) {
            JsonNode metaData = (JsonNode) event.get("metadata");
            assertThat(iterable(metaData.fieldNames())).containsExactlyInAnyOrderElementsOf(
                    iterable(perRowMetaData.fieldNames()));
            assertThat(metaData.path("actor")).isEqualTo(perRowMetaData.path("actor"));
            assertThat(metaData.path("correlationId").asText()).startsWith("import-");
        }
        // The prefix's designations, as one registration takes them.
        List<Map<String, Object>> designations = jdbc.queryForList("""
                SELECT type, payloadtype, payloadrevision FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber > 0 GROUP BY 1, 2, 3""", code());
        assertThat(designations).hasSize(1);

        // Loaded like any recording: a command on it, and its state as the one registered alone shows it.
        ResponseEntity<JsonNode> transfer = registry.send(HttpMethod.POST, "/v1/recordings/" + bulk
                + "/ownership-transfers", "{\"newOwner\": \"Label Nordet\", \"effectiveDate\": \"2026-06-01\"}", null);
        assertThat(transfer.getStatusCode()).as(transfer.toString()).isEqualTo(HttpStatus.OK);
        assertThat(stored(bulk)).hasSize(3);
        JsonNode state = http.getForObject("/v1/recordings/" + bulk, JsonNode.class);
        JsonNode alone = http.getForObject("/v1/recordings/" + one, JsonNode.class);
        assertThat(state.path("owner").asText()).isEqualTo("Label Nordet");
        for (String field : List.of("kind", "title", "versionTitle", "mainArtist", "contributors", "duration",
                "firstPublished", "distributor", "status")) {
            assertThat(state.path(field)).as(field).isEqualTo(alone.path(field));
        }
        assertThat(state.path("possibleDuplicates").toString()).contains(one);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void anImportAndAssignmentsOnTheSamePrefixAtOnceIssueEveryDesignationOnce() throws Exception {
        int year = Year.now(ZoneOffset.UTC).getValue() % 100;
        int rows = 3_000;
        StringBuilder ndjson = new StringBuilder();
        for (int n = 1; n <= rows; n++) {
            ndjson.append(row(code() + "%02d%05d".formatted(year, n), song("Import " + n, 100 + n % 500)))
                    .append('\n');
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> assigning = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            assigning.add(clients.submit(() -> {
                List<String> codes = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    codes.add(registry.assign(prefix, "Client " + client + " " + i));
                }
                return codes;
            }));
        }

        JsonNode done = imported(ndjson.toString());
        List<String> assigned = new ArrayList<>();
        for (Future<List<String>> codes : assigning) {
            assigned.addAll(codes.get());
        }
        clients.shutdown();

        int registered = done.path("registered").asInt();
        assertThat(registered + done.path("refused").asInt()).isEqualTo(rows);
        assertThat(assigned).hasSize(100).doesNotHaveDuplicates();
        List<String> designations = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'isrc' FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype = 'org.isrcregistry.core.prefix.DesignationTaken'""",
                String.class, code());
        assertThat(designations).hasSize(registered + assigned.size()).doesNotHaveDuplicates()
                .containsAll(assigned);
        Integer streams = jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE type = 'Recording' AND sequencenumber = 0
                AND aggregateidentifier LIKE ?""", Integer.class, code() + "%");
        assertThat(streams).isEqualTo(designations.size());
        Long positions = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, code());
        assertThat(positions).isEqualTo(designations.size());
    }
}
