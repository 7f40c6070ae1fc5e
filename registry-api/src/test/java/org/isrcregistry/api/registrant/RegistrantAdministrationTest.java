package org.isrcregistry.api.registrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.isrcregistry.api.KafkaTestConsumer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The agency's work with registrants, over real HTTP on the shared registry (PostgreSQL, Kafka). */
@RegistryIntegrationTest
class RegistrantAdministrationTest {

    /** Registrant codes under SE no other test uses: SE-Rnn. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 600));
    private static final String CODES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body, String token) {
        return TestRegistry.sendAs(http, method, path, body, token);
    }

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        return send(method, path, body, null);
    }

    static String producer(String legalName) {
        return """
                {"legalName": "%s", "tradingNames": ["%s Musique"], "country": "CA",
                 "postalAddress": "1 rue du Port, Montréal QC", "kind": "PRODUCER",
                 "contacts": [{"name": "ISRC desk", "email": "isrc@%s.example", "phone": "+1 514 555 0100"}]}"""
                .formatted(legalName, legalName, legalName.toLowerCase().replace(' ', '-'));
    }

    String register(String body) {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/v1/registrants", body);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("registrant").path("id").asText();
    }

    /** A new SE prefix allocated to the registrant; its display form. */
    String allocate(String registrant) {
        while (true) {
            int n = NEXT.getAndIncrement();
            String code = "SE-R" + CODES.charAt(n / 36 % 36) + CODES.charAt(n % 36);
            ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/v1/prefixes",
                    "{\"prefix\": \"" + code + "\", \"registrantId\": \"" + registrant + "\"}");
            if (response.getStatusCode() == HttpStatus.CREATED) {
                return code;
            }
            assertThat(response.getBody().path("type").asText()).endsWith("prefix-already-registered");
        }
    }

    int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class);
    }

    @Test
    void theAgencyRegistersARegistrantAndReadsItsFile() {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/v1/registrants", producer("Disques Fichier"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().path("registrant").path("id").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/v1/registrants/" + id);
        JsonNode file = send(HttpMethod.GET, "/v1/registrants/" + id, null).getBody();
        assertThat(file.path("registrant").path("legalName").asText()).isEqualTo("Disques Fichier");
        assertThat(file.path("registrant").path("tradingNames").get(0).asText()).isEqualTo("Disques Fichier Musique");
        assertThat(file.path("registrant").path("kind").asText()).isEqualTo("PRODUCER");
        assertThat(file.path("registrant").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(file.path("contactDetails").path("contacts").get(0).path("email").asText())
                .isEqualTo("isrc@disques-fichier.example");
        assertThat(file.path("contactDetails").path("postalAddress").asText()).startsWith("1 rue du Port");
        String stored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ?", String.class, id);
        assertThat(stored).contains("Disques Fichier").doesNotContain("isrc@disques-fichier.example", "555 0100",
                "rue du Port");
    }

    @Test
    void anIsrcManagerHasItsTiersYearlyCapUnlessTheAgencySetsAnother() {
        String base = """
                {"legalName": "Manager %s", "country": "CA", "kind": "ISRC_MANAGER", "volumeTier": "%s", %s
                 "contacts": [{"name": "Codes", "email": "codes@manager.example"}]}""";
        String low = register(base.formatted("Low", "LOW_VOLUME", ""));
        String agreed = register(base.formatted("Agreed", "LOW_VOLUME", "\"yearlyCap\": 2500,"));
        String high = register(base.formatted("High", "HIGH_VOLUME", ""));

        assertThat(send(HttpMethod.GET, "/v1/registrants/" + low, null).getBody().path("registrant")
                .path("yearlyCap").asInt()).isEqualTo(10_000);
        assertThat(send(HttpMethod.GET, "/v1/registrants/" + agreed, null).getBody().path("registrant")
                .path("yearlyCap").asInt()).isEqualTo(2_500);
        assertThat(send(HttpMethod.GET, "/v1/registrants/" + high, null).getBody().path("registrant")
                .has("yearlyCap")).isFalse();
        int before = events();
        assertProblem(send(HttpMethod.POST, "/v1/registrants", """
                {"legalName": "No Tier", "country": "CA", "kind": "ISRC_MANAGER",
                 "contacts": [{"name": "Codes"}]}"""), HttpStatus.BAD_REQUEST, "invalid-field", "volumeTier");
        assertProblem(send(HttpMethod.POST, "/v1/registrants", """
                {"legalName": "No Contact", "country": "CA", "kind": "PRODUCER", "contacts": []}"""),
                HttpStatus.BAD_REQUEST, "invalid-field", "contacts");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aChangeToTheFileKeepsItsReasonInTheHistory() {
        String id = register(producer("Avant Fusion"));

        ResponseEntity<JsonNode> updated = send(HttpMethod.PUT, "/v1/registrants/" + id, """
                {"legalName": "Après Fusion inc.", "tradingNames": ["Avant Fusion Musique"], "country": "CA",
                 "postalAddress": "1 rue du Port, Montréal QC",
                 "contacts": [{"name": "ISRC desk", "email": "isrc@apres-fusion.example"}],
                 "reason": "merger of 2026-03-01, certificate 44-1"}""");

        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody().path("registrant").path("legalName").asText()).isEqualTo("Après Fusion inc.");
        JsonNode history = send(HttpMethod.GET, "/v1/registrants/" + id + "/history", null).getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("type").asText()).isEqualTo("RegistrantRegistered");
        assertThat(history.get(1).path("type").asText()).isEqualTo("RegistrantUpdated");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("merger of 2026-03-01, certificate 44-1");
        assertThat(history.get(1).path("event").path("changed").toString()).isEqualTo("[\"legalName\",\"contacts\"]");
        assertThat(history.get(1).path("actor").asText()).startsWith("token:");
    }

    @Test
    void aPrefixIsAllocatedToARegistrantOnFileAndListedWithIt() {
        String id = register(producer("Liste Alpha"));
        String prefix = allocate(id);

        JsonNode view = send(HttpMethod.GET, "/v1/prefixes/" + prefix, null).getBody();
        assertThat(view.path("registrant").path("id").asText()).isEqualTo(id);
        assertThat(view.path("registrant").path("legalName").asText()).isEqualTo("Liste Alpha");
        JsonNode file = send(HttpMethod.GET, "/v1/registrants/" + id, null).getBody();
        assertThat(file.path("registrant").path("prefixes").get(0).path("display").asText()).isEqualTo(prefix);
        JsonNode byRegistrant = send(HttpMethod.GET, "/v1/prefixes?registrantId=" + id, null).getBody();
        assertThat(byRegistrant.path("total").asLong()).isEqualTo(1);
        assertThat(byRegistrant.path("items").get(0).path("display").asText()).isEqualTo(prefix);
        JsonNode byName = send(HttpMethod.GET, "/v1/prefixes?name=liste alpha&country=SE&status=ACTIVE", null)
                .getBody();
        assertThat(byName.path("items").findValuesAsText("display")).contains(prefix);
        JsonNode registrants = send(HttpMethod.GET, "/v1/registrants?code=" + prefix.replace("-", "")
                + "&kind=PRODUCER", null).getBody();
        assertThat(registrants.path("items").findValuesAsText("id")).containsExactly(id);
        assertThat(send(HttpMethod.GET, "/v1/registrants?name=Liste Alpha&size=1&page=0", null).getBody()
                .path("size").asInt()).isEqualTo(1);
    }

    @Test
    void aPrefixForAnUnknownRegistrantIsRefusedAndChangesNothing() {
        int before = events();
        String unknown = UUID.randomUUID().toString();

        assertProblem(send(HttpMethod.POST, "/v1/prefixes", "{\"prefix\": \"SE-X0X\", \"registrantId\": \"" + unknown
                + "\"}"), HttpStatus.NOT_FOUND, "registrant-not-registered", "registrantId");
        assertProblem(send(HttpMethod.POST, "/v1/prefixes", "{\"prefix\": \"SE-X0X\"}"), HttpStatus.BAD_REQUEST,
                "invalid-field", "registrantId");
        assertProblem(send(HttpMethod.GET, "/v1/registrants/" + unknown, null), HttpStatus.NOT_FOUND,
                "registrant-not-registered", "id");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theAgencyAllocatesOnlyUnderItsOwnPrefixLetters() {
        String id = register(producer("Lettres Autres"));
        int before = events();

        assertProblem(send(HttpMethod.POST, "/v1/prefixes", "{\"prefix\": \"ZZ-A01\", \"registrantId\": \"" + id
                + "\"}"), HttpStatus.UNPROCESSABLE_ENTITY, "country-code-not-agencys", "prefix");
        assertProblem(send(HttpMethod.POST, "/v1/prefixes", "{\"countryCode\": \"ZZ\", \"registrantId\": \"" + id
                + "\"}"), HttpStatus.UNPROCESSABLE_ENTITY, "country-code-not-agencys", "countryCode");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRegistrantCodeIsNeverAllocatedTwiceNotEvenAfterItsHolderStoppedTrading() {
        String first = register(producer("Premier Label"));
        String second = register(producer("Second Label"));
        ResponseEntity<JsonNode> firstPrefix = send(HttpMethod.POST, "/v1/prefixes",
                "{\"countryCode\": \"IT\", \"registrantId\": \"" + first + "\"}");
        assertThat(firstPrefix.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String code = firstPrefix.getBody().path("display").asText();

        assertThat(send(HttpMethod.POST, "/v1/registrants/" + first + "/deactivation",
                "{\"reason\": \"stopped trading in 2026\"}").getBody().path("registrant").path("status").asText())
                .isEqualTo("INACTIVE");
        ResponseEntity<JsonNode> again = send(HttpMethod.POST, "/v1/prefixes",
                "{\"prefix\": \"" + code + "\", \"registrantId\": \"" + second + "\"}");
        ResponseEntity<JsonNode> next = send(HttpMethod.POST, "/v1/prefixes",
                "{\"countryCode\": \"IT\", \"registrantId\": \"" + second + "\"}");

        assertProblem(again, HttpStatus.CONFLICT, "prefix-already-registered", "prefix");
        assertThat(again.getBody().path("detail").asText()).contains("is taken");
        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(next.getBody().path("display").asText()).isNotEqualTo(code);
        assertProblem(send(HttpMethod.POST, "/v1/prefixes", "{\"countryCode\": \"IT\", \"registrantId\": \"" + first
                + "\"}"), HttpStatus.CONFLICT, "registrant-inactive", "registrantId");
        assertThat(send(HttpMethod.GET, "/v1/prefixes/" + code, null).getBody().path("registrant").path("id")
                .asText()).isEqualTo(first);
    }

    @Test
    void aTransferMovesThePrefixAndItsCodesAndTheHistorySaysFromWhomToWhomAndWhy() {
        String seller = register(producer("Vendeur"));
        String buyer = register(producer("Acheteur"));
        String prefix = allocate(seller);
        ResponseEntity<JsonNode> assigned = send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Avant la vente"));
        String isrc = assigned.getBody().path("isrc").asText();

        ResponseEntity<JsonNode> transferred = send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/transfers",
                "{\"registrantId\": \"" + buyer + "\", \"reason\": \"catalogue sold, deed 2026-117\"}");

        assertThat(transferred.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(transferred.getBody().path("registrant").path("id").asText()).isEqualTo(buyer);
        assertThat(transferred.getBody().path("display").asText()).isEqualTo(prefix);
        assertThat(send(HttpMethod.GET, "/v1/recordings/" + isrc, null).getBody().path("isrc").asText())
                .isEqualTo(isrc);
        JsonNode sold = send(HttpMethod.GET, "/v1/registrants/" + seller, null).getBody().path("registrant");
        assertThat(sold.path("prefixes").get(0).path("heldUntil").isMissingNode()).isFalse();
        JsonNode bought = send(HttpMethod.GET, "/v1/registrants/" + buyer, null).getBody().path("registrant");
        assertThat(bought.path("prefixes").get(0).path("from").asText()).isEqualTo(seller);
        assertThat(bought.path("prefixes").get(0).path("reason").asText()).isEqualTo("catalogue sold, deed 2026-117");
        JsonNode history = send(HttpMethod.GET, "/v1/registrants/" + seller + "/history", null).getBody();
        JsonNode transfer = history.get(history.size() - 1);
        assertThat(transfer.path("type").asText()).isEqualTo("PrefixTransferred");
        assertThat(transfer.path("event").path("from").asText()).isEqualTo(seller);
        assertThat(transfer.path("event").path("to").asText()).isEqualTo(buyer);
        assertThat(transfer.path("reason").asText()).isEqualTo("catalogue sold, deed 2026-117");
        assertThat(transfer.path("at").asText()).isNotBlank();

        int before = events();
        assertProblem(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/transfers",
                "{\"registrantId\": \"" + buyer + "\", \"reason\": \"again\"}"), HttpStatus.CONFLICT, "same-holder",
                "registrantId");
        assertProblem(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/transfers",
                "{\"registrantId\": \"" + UUID.randomUUID() + "\", \"reason\": \"typo\"}"), HttpStatus.NOT_FOUND,
                "registrant-not-registered", "registrantId");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRegistrantsTokenCoversThePrefixesItHoldsNowAndItsOwnFileOnly() {
        String seller = register(producer("Jeton Vendeur"));
        String buyer = register(producer("Jeton Acheteur"));
        String prefix = allocate(seller);
        String sellerToken = token(seller);
        String buyerToken = token(buyer);

        assertThat(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Mine"), sellerToken)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Not yet"), buyerToken),
                HttpStatus.FORBIDDEN, "forbidden", null);
        assertThat(send(HttpMethod.GET, "/v1/registrants/" + seller, null, sellerToken).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertProblem(send(HttpMethod.GET, "/v1/registrants/" + buyer, null, sellerToken), HttpStatus.FORBIDDEN,
                "forbidden", null);
        assertProblem(send(HttpMethod.GET, "/v1/registrants", null, sellerToken), HttpStatus.FORBIDDEN, "forbidden",
                null);

        send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/transfers",
                "{\"registrantId\": \"" + buyer + "\", \"reason\": \"label sold\"}");

        assertProblem(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Not mine now"),
                sellerToken), HttpStatus.FORBIDDEN, "forbidden", null);
        assertThat(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", song("Ours now"), buyerToken)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(HttpMethod.GET, "/v1/admin/tokens", null).getBody().findValues("registrantId").stream()
                .map(JsonNode::asText).toList()).contains(seller, buyer);
    }

    private String token(String registrant) {
        ResponseEntity<JsonNode> issued = send(HttpMethod.POST, "/v1/admin/tokens",
                "{\"name\": \"registrant " + registrant + "\", \"role\": \"REGISTRANT\", \"registrantId\": \""
                        + registrant + "\"}");
        assertThat(issued.getStatusCode()).as(String.valueOf(issued.getBody())).isEqualTo(HttpStatus.CREATED);
        return issued.getBody().path("token").asText();
    }

    @Test
    void aTokenForAnUnknownRegistrantOrForBothARegistrantAndPrefixesIsRefused() {
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"x\", \"role\": \"REGISTRANT\","
                + " \"registrantId\": \"" + UUID.randomUUID() + "\"}"), HttpStatus.NOT_FOUND,
                "registrant-not-registered", "registrantId");
        String id = register(producer("Jeton Double"));
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"x\", \"role\": \"REGISTRANT\","
                + " \"registrantId\": \"" + id + "\", \"prefixes\": [\"CA-K7Q\"]}"), HttpStatus.BAD_REQUEST,
                "invalid-field", "prefixes");
        assertProblem(send(HttpMethod.POST, "/v1/admin/tokens", "{\"name\": \"x\", \"role\": \"AUDITOR\","
                + " \"registrantId\": \"" + id + "\"}"), HttpStatus.BAD_REQUEST, "invalid-field", "registrantId");
    }

    @Test
    void contactsAreErasedOnRequestWithoutRewritingTheHistory() {
        String id = register(producer("Effacement"));
        List<String> storedBefore = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, id);

        ResponseEntity<JsonNode> erased = send(HttpMethod.POST, "/v1/registrants/" + id + "/contact-erasure",
                "{\"requestReference\": \"GDPR-2026-031\"}");

        assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode contacts = erased.getBody().path("contactDetails");
        assertThat(contacts.path("contacts")).isEmpty();
        assertThat(contacts.has("postalAddress")).isFalse();
        assertThat(contacts.path("erasedAt").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registrant_contact WHERE registrant_id = ?::uuid",
                Integer.class, id)).isZero();
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, id))
                .startsWith(storedBefore.toArray(String[]::new))
                .noneMatch(payload -> payload.contains("isrc@effacement.example"));
        JsonNode history = send(HttpMethod.GET, "/v1/registrants/" + id + "/history", null).getBody();
        assertThat(history.get(history.size() - 1).path("reason").asText())
                .isEqualTo("erased on request GDPR-2026-031");
        assertThat(erased.getBody().path("registrant").path("legalName").asText()).isEqualTo("Effacement");
    }

    @Test
    void registrantDataGoesToTheRestrictedTopicOnlyAndThePublicTopicsNameNoHolder() throws Exception {
        String id = register(producer("Kafka Discret"));
        String prefix = allocate(id);
        String key = prefix.replace("-", "");

        try (KafkaTestConsumer restricted = new KafkaTestConsumer(kafka, "isrc-registry.registrants")) {
            List<ConsumerRecord<String, byte[]>> records = restricted.pollUntil(seen -> seen.stream()
                    .anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
            assertThat(records.stream().filter(r -> id.equals(r.key())).map(r -> KafkaTestConsumer.header(r, "ce_type")))
                    .containsExactly("org.isrc-registry.RegistrantRegistered.v1");
            assertThat(records.stream().filter(r -> key.equals(r.key())).map(r -> KafkaTestConsumer.header(r, "ce_type")))
                    .containsExactly("org.isrc-registry.PrefixAllocated.v1");
            assertThat(records.stream().filter(r -> id.equals(r.key())).map(r -> new String(r.value())))
                    .noneMatch(value -> value.contains("isrc@kafka-discret.example"));
        }
        try (KafkaTestConsumer events = new KafkaTestConsumer(kafka, "isrc-registry.events");
             KafkaTestConsumer states = new KafkaTestConsumer(kafka, "isrc-registry.prefixes")) {
            List<ConsumerRecord<String, byte[]>> published = events.pollUntil(seen -> seen.stream()
                    .anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
            assertThat(published).noneMatch(r -> id.equals(r.key()))
                    .filteredOn(r -> key.equals(r.key()))
                    .extracting(r -> KafkaTestConsumer.header(r, "ce_type"))
                    .containsExactly("org.isrc-registry.PrefixRegistered.v3");
            ConsumerRecord<String, byte[]> state = states.pollUntil(seen -> seen.stream()
                    .anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30)).stream()
                    .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(KafkaTestConsumer.header(state, "ce_type")).isEqualTo("org.isrc-registry.PrefixState.v2");
            assertThat(new String(state.value())).doesNotContain(id, "Kafka Discret");
        }
    }

    @Test
    void thePublicCannotLearnWhoHoldsAPrefix() {
        TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        String id = register(producer("Secret Holder"));
        String prefix = allocate(id);

        for (String path : List.of("/v1/registrants", "/v1/registrants/" + id, "/v1/prefixes",
                "/v1/prefixes/" + prefix, "/v1/registrants/" + id + "/history", "/v1/listings/company-names",
                "/v1/listings/registrant-codes", "/v1/reports/ifpi/2025")) {
            assertThat(anonymous.getForEntity(path, JsonNode.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        String fingerprint = UUID.randomUUID().toString().replace("-", "").repeat(2);
        String isrc = send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings", """
                {"title": "Empreinte", "mainArtist": "Ariane Tremblay", "duration": "PT3M18S", "kind": "AUDIO",
                 "owner": "Secret Holder", "fingerprint": "%s"}""".formatted(fingerprint)).getBody().path("isrc").asText();
        for (String path : List.of("/v1/recordings/" + isrc, "/v1/recordings/" + isrc + "/lineage",
                "/v1/recordings/" + isrc + "?asOf=" + java.time.Instant.now().plusSeconds(1))) {
            ResponseEntity<String> lookUp = anonymous.getForEntity(path, String.class);
            assertThat(lookUp.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(lookUp.getBody()).as(path).contains("Empreinte", "Secret Holder")
                    .doesNotContain(fingerprint, "\"fingerprint\"", "actor", id);
        }
    }
}
