package org.isrcregistry.api.registrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.TestRegistry.assertProblem;
import static org.isrcregistry.api.TestRegistry.song;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The ISO 3901 listings and the yearly report to IFPI, over HTTP on the shared registry. */
@RegistryIntegrationTest
class AgencyReportsTest {

    @Autowired
    TestRestTemplate http;

    ResponseEntity<JsonNode> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    String csv(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
        return answer.getBody();
    }

    String register(String legalName, String kindAndTier) {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/v1/registrants", """
                {"legalName": "%s", "country": "CA", %s,
                 "contacts": [{"name": "ISRC desk", "email": "isrc@listing.example", "phone": "+1 514 555 0199"}]}"""
                .formatted(legalName, kindAndTier));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("registrant").path("id").asText();
    }

    String allocate(String registrant) {
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, "/v1/prefixes",
                "{\"countryCode\": \"ES\", \"registrantId\": \"" + registrant + "\"}");
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("display").asText();
    }

    @Test
    void theTwoIso3901ListingsNameEachCodesCountryCompanyAndContactInTheirOrder() {
        String zeta = allocate(register("Zeta Listing", "\"kind\": \"PRODUCER\""));
        String alpha = allocate(register("alpha Listing", "\"kind\": \"PRODUCER\""));

        JsonNode byCode = http.getForEntity("/v1/listings/registrant-codes", JsonNode.class).getBody();
        JsonNode byName = http.getForEntity("/v1/listings/company-names", JsonNode.class).getBody();

        JsonNode entry = StreamSupport.stream(byCode.spliterator(), false)
                .filter(e -> e.path("prefix").asText().equals(zeta)).findFirst().orElseThrow();
        assertThat(entry.path("countryCode").asText()).isEqualTo("ES");
        assertThat(entry.path("registrantCode").asText()).isEqualTo(zeta.substring(3));
        assertThat(entry.path("companyName").asText()).isEqualTo("Zeta Listing");
        assertThat(entry.path("contact").asText()).isEqualTo("ISRC desk, isrc@listing.example, +1 514 555 0199");
        List<String> codes = StreamSupport.stream(byCode.spliterator(), false)
                .map(e -> e.path("countryCode").asText() + e.path("registrantCode").asText()).toList();
        assertThat(codes).isSorted();
        List<String> names = StreamSupport.stream(byName.spliterator(), false)
                .map(e -> e.path("companyName").asText().toLowerCase(Locale.ROOT)).toList();
        assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(names.indexOf("alpha listing")).isLessThan(names.indexOf("zeta listing"));

        String csv = csv("/v1/listings/company-names");
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("countryCode,registrantCode,companyName,contact,prefix,status");
        assertThat(csv).contains("ES," + alpha.substring(3) + ",\"alpha Listing\",\"ISRC desk, isrc@listing.example,"
                + " +1 514 555 0199\"," + alpha + ",ACTIVE");
    }

    @Test
    void theYearlyReportCountsTheYearsEventsAndAPastYearsReportNeverChanges() {
        int year = Year.now(ZoneOffset.UTC).getValue();
        JsonNode lastYear = http.getForEntity("/v1/reports/ifpi/" + (year - 1), JsonNode.class).getBody();
        JsonNode before = http.getForEntity("/v1/reports/ifpi/" + year, JsonNode.class).getBody();

        String manager = register("Rapport Gestionnaire", "\"kind\": \"ISRC_MANAGER\", \"volumeTier\": \"LOW_VOLUME\"");
        String prefix = allocate(manager);
        // A manager assigns for a client that authorised it (ManagerClientsTest).
        String client = send(HttpMethod.POST, "/v1/registrants/" + manager + "/clients", """
                {"client": "Disques Nordet", "authorisedOn": "%s", "evidenceReference": "mandate R-1"}"""
                .formatted(java.time.LocalDate.now(ZoneOffset.UTC).minusDays(1))).getBody().path("id").asText();
        assertThat(send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/recordings",
                song("Rapportée").replace("}", ", \"client\": \"" + client + "\"}")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        send(HttpMethod.POST, "/v1/prefixes/" + prefix + "/suspension", "{\"reason\": \"annual fee unpaid\"}");

        JsonNode after = http.getForEntity("/v1/reports/ifpi/" + year, JsonNode.class).getBody();
        assertThat(after.path("complete").asBoolean()).isFalse();
        assertThat(delta(before, after, "registrants", "newInYear")).isEqualTo(1);
        assertThat(delta(before, after, "registrants", "atYearEnd")).isEqualTo(1);
        assertThat(delta(before, after, "managersByTier", "LOW_VOLUME")).isEqualTo(1);
        assertThat(delta(before, after, "prefixes", "newInYear")).isEqualTo(1);
        assertThat(delta(before, after, "prefixes", "suspensionsInYear")).isEqualTo(1);
        assertThat(delta(before, after, "codes", "assigned")).isEqualTo(1);
        assertThat(after.path("codes").path("assignedByKind").path("AUDIO").asLong()
                - before.path("codes").path("assignedByKind").path("AUDIO").asLong()).isEqualTo(1);
        assertThat(StreamSupport.stream(after.path("codes").path("byPrefix").spliterator(), false)
                .filter(p -> p.path("prefix").asText().equals(prefix.replace("-", ""))).findFirst().orElseThrow()
                .path("assigned").asLong()).isEqualTo(1);
        assertThat(http.getForEntity("/v1/reports/ifpi/" + (year - 1), JsonNode.class).getBody())
                .as("a past year's report is the same whenever it is asked for").isEqualTo(lastYear);
        assertThat(lastYear.path("complete").asBoolean()).isTrue();
        assertThat(csv("/v1/reports/ifpi/" + year)).startsWith("section,item,value\n")
                .contains("codesAssignedByPrefix," + prefix.replace("-", "") + ",1\n");
        assertProblem(http.getForEntity("/v1/reports/ifpi/" + (year + 1), JsonNode.class), HttpStatus.BAD_REQUEST,
                "invalid-field", "year");
    }

    private static long delta(JsonNode before, JsonNode after, String section, String item) {
        return after.path(section).path(item).asLong() - before.path(section).path(item).asLong();
    }
}
