package org.isrcregistry.api.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.KafkaTestConsumer.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.isrcregistry.api.KafkaTestConsumer;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The first slice, hop by hop: HTTP command → event in PostgreSQL → read model → HTTP query → Kafka topic. */
@RegistryIntegrationTest
class PrefixRegistrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    ObjectMapper json;

    private ResponseEntity<JsonNode> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Correlation-Id", "test-correlation-1");
        return http.postForEntity("/v1/prefixes", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private int eventsOf(String aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, aggregate);
    }

    @Test
    void registeringAPrefixAnswersWithItsStateAndLocation() {
        ResponseEntity<JsonNode> response = post("""
                {"prefix": "CA-K7Q", "registrant": {"name": "Disques K7Q", "contact": "isrc@k7q.example"}}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/v1/prefixes/CA-K7Q");
        assertThat(response.getBody().path("prefix").asText()).isEqualTo("CAK7Q");
        assertThat(response.getBody().path("display").asText()).isEqualTo("CA-K7Q");
        assertThat(response.getBody().path("registrant").path("legalName").asText()).isEqualTo("Disques K7Q");
        assertThat(response.getBody().path("range").path("first").asText()).isEqualTo("00000");
        assertThat(response.getBody().path("range").path("last").asText()).isEqualTo("99999");
        assertThat(response.getBody().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void theEventIsStoredInPostgresAsJsonWithActorAndCorrelationId() throws Exception {
        post("""
                {"prefix": "CA-E1V", "registrant": {"name": "Event Records"}}""");

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT payloadtype, payloadrevision, payload, metadata, sequencenumber FROM domainevententry "
                        + "WHERE aggregateidentifier = 'CAE1V' AND sequencenumber = 0");
        assertThat(row.get("payloadtype")).isEqualTo("org.isrcregistry.core.prefix.PrefixRegistered");
        assertThat(row.get("payloadrevision")).isEqualTo("3");
        assertThat(row.get("sequencenumber")).isEqualTo(0L);
        JsonNode payload = json.readTree((byte[]) row.get("payload"));
        assertThat(payload.path("prefixCode").asText()).isEqualTo("CAE1V");
        assertThat(payload.has("registrant")).as("who holds a prefix is not in its public event").isFalse();
        JsonNode metadata = json.readTree((byte[]) row.get("metadata"));
        assertThat(metadata.path("actor").asText()).isEqualTo(jdbc.queryForObject(
                "SELECT 'token:' || id FROM api_token WHERE name = 'bootstrap' AND revoked_at IS NULL", String.class));
        assertThat(metadata.path("correlationId").asText()).isEqualTo("test-correlation-1");
    }

    @Test
    void theProjectionWritesTheReadModelRow() {
        post("""
                {"prefix": "GB-R2M", "registrant": {"name": "Read Model Ltd"}}""");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM prefix_view WHERE prefix_code = 'GBR2M'");
        assertThat(row.get("country_code")).isEqualTo("GB");
        assertThat(jdbc.queryForObject("SELECT legal_name FROM registrant_view WHERE registrant_id = ?",
                String.class, row.get("registrant_id"))).isEqualTo("Read Model Ltd");
        assertThat(row.get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aPrefixIsFoundUnderAnyWrittenFormOfItsCode() {
        post("""
                {"prefix": "FR-Z9A", "registrant": {"name": "Zéro Neuf"}}""");

        for (String form : List.of("FR-Z9A", "FRZ9A", "fr-z9a", "frz9a")) {
            ResponseEntity<JsonNode> found = http.getForEntity("/v1/prefixes/" + form, JsonNode.class);
            assertThat(found.getStatusCode()).as(form).isEqualTo(HttpStatus.OK);
            assertThat(found.getBody().path("registrant").path("legalName").asText()).isEqualTo("Zéro Neuf");
        }
    }

    @Test
    void theEventIsPublishedOnTheEventsTopicAsACloudEvent() throws Exception {
        post("""
                {"prefix": "US-K4F", "registrant": {"name": "Kafka Feed Inc"}}""");

        try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafka, "isrc-registry.events")) {
            ConsumerRecord<String, byte[]> record = consumer.pollUntil(
                    seen -> seen.stream().anyMatch(r -> "USK4F".equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> "USK4F".equals(r.key())).findFirst().orElseThrow();

            String eventId = jdbc.queryForObject("SELECT eventidentifier FROM domainevententry"
                    + " WHERE aggregateidentifier = 'USK4F' AND sequencenumber = 0", String.class);
            assertThat(header(record, "ce_id")).isEqualTo(eventId);
            assertThat(header(record, "ce_type")).isEqualTo("org.isrc-registry.PrefixRegistered.v3");
            assertThat(header(record, "ce_subject")).isEqualTo("USK4F");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo("urn:isrc-registry");
            assertThat(header(record, "ce_time")).isNotBlank();
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            JsonNode value = json.readTree(record.value());
            assertThat(value.path("prefixCode").asText()).isEqualTo("USK4F");
            assertThat(value.has("registrant")).isFalse();
        }
    }

    @Test
    void aSecondRegistrationOfTheSamePrefixIsAConflictAndStoresNothing() {
        post("""
                {"prefix": "CA-D0P", "registrant": {"name": "First"}}""");

        ResponseEntity<JsonNode> again = post("""
                {"prefix": "ca-d0p", "registrant": {"name": "Second"}}""");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(again.getBody().path("type").asText())
                .isEqualTo("https://isrc-registry.org/problems/prefix-already-registered");
        assertThat(again.getBody().path("field").asText()).isEqualTo("prefix");
        assertThat(again.getBody().path("detail").asText()).contains("registrant code D0P under CA is taken");
        assertThat(eventsOf("CAD0P")).as("registered and allocated, once").isEqualTo(2);
    }

    @Test
    void aPrefixWhoseLettersAreNotAnAllocatedIsrcPrefixIsRefused() {
        ResponseEntity<JsonNode> response = post("""
                {"prefix": "XQ-ABC", "registrant": {"name": "Nowhere"}}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("type").asText())
                .isEqualTo("https://isrc-registry.org/problems/prefix-not-allocated");
        assertThat(response.getBody().path("field").asText()).isEqualTo("prefix");
        assertThat(response.getBody().path("detail").asText()).contains("XQ", "not an allocated ISRC prefix");
        assertThat(eventsOf("XQABC")).isZero();
    }

    @Test
    void aRegistrantCodeThatIsNotThreeLettersOrDigitsIsRefused() {
        for (String prefix : List.of("CA-K7", "CA-K7Q1", "CA-K_Q")) {
            ResponseEntity<JsonNode> response = post("""
                    {"prefix": "%s", "registrant": {"name": "Bad Code"}}""".formatted(prefix));

            assertThat(response.getStatusCode()).as(prefix).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().path("type").asText()).isEqualTo("https://isrc-registry.org/problems/invalid-code");
            assertThat(response.getBody().path("field").asText()).isEqualTo("prefix");
            assertThat(eventsOf(prefix.replace("-", ""))).isZero();
        }
        ResponseEntity<JsonNode> badCharacter = post("""
                {"prefix": "CA-K_Q", "registrant": {"name": "Bad Code"}}""");
        assertThat(badCharacter.getBody().path("part").asText()).isEqualTo("XXX");
        assertThat(badCharacter.getBody().path("position").asInt()).isEqualTo(5);
    }

    @Test
    void malformedJsonIsRefusedWithWhereItBroke() {
        ResponseEntity<JsonNode> response = post("{\"prefix\": \"CA-M4L\", ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("type").asText())
                .isEqualTo("https://isrc-registry.org/problems/malformed-request");
        assertThat(response.getBody().path("detail").asText()).contains("not valid JSON", "line 1");
        assertThat(eventsOf("CAM4L")).isZero();
    }

    @Test
    void unknownFieldsAreRefusedNotIgnored() {
        ResponseEntity<JsonNode> response = post("""
                {"prefix": "CA-U9K", "registrant": {"name": "Unknown"}, "owner": "someone"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asText()).isEqualTo("owner");
        assertThat(eventsOf("CAU9K")).isZero();
    }

    @Test
    void aMissingRegistrantNameIsRefused() {
        ResponseEntity<JsonNode> response = post("""
                {"prefix": "CA-N0N", "registrant": {"name": " "}}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("field").asText()).isEqualTo("registrant.name");
        assertThat(eventsOf("CAN0N")).isZero();
    }

    @Test
    void anUnregisteredPrefixIsNotFound() {
        ResponseEntity<JsonNode> response = http.getForEntity("/v1/prefixes/CA-404", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("type").asText())
                .isEqualTo("https://isrc-registry.org/problems/prefix-not-registered");
    }

    @Test
    void aCountryCodeAloneGetsTheNextFreeRegistrantCode() {
        ResponseEntity<JsonNode> first = post("""
                {"countryCode": "AU", "registrant": {"name": "First Australian"}}""");
        ResponseEntity<JsonNode> second = post("""
                {"countryCode": "au", "registrant": {"name": "Second Australian"}}""");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().path("prefix").asText()).isEqualTo("AU000");
        assertThat(second.getBody().path("prefix").asText()).isEqualTo("AU001");
    }

    @Test
    void concurrentRegistrationsByCountryCodeEachGetTheirOwnRegistrantCode() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<ResponseEntity<JsonNode>>> responses = clients.invokeAll(IntStream.range(0, 8)
                    .<Callable<ResponseEntity<JsonNode>>>mapToObj(i -> () -> post("""
                            {"countryCode": "NZ", "registrant": {"name": "Concurrent %d"}}""".formatted(i)))
                    .toList());

            Set<String> codes = new HashSet<>();
            for (Future<ResponseEntity<JsonNode>> response : responses) {
                assertThat(response.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
                codes.add(response.get().getBody().path("prefix").asText());
            }
            assertThat(codes).hasSize(8).allMatch(code -> code.startsWith("NZ"));
        } finally {
            clients.shutdown();
        }
    }
}
