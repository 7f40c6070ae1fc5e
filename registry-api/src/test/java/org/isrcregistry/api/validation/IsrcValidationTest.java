package org.isrcregistry.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@RegistryIntegrationTest
class IsrcValidationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachCodeIsValidWithItsFormsOrRefusedWithThePartAndPosition() {
        ResponseEntity<JsonNode> response = new TestRegistry(http, jdbc).send(HttpMethod.POST, "/v1/isrc-validations", """
                {"codes": ["isrc ca-k7q-26-00001", "CAK7Q2600001USK4F2600002", "CA-K7Q-2-600001", "XQK7Q2600001"]}""",
                null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode results = response.getBody().path("results");
        assertThat(response.getBody().path("valid").asInt()).isEqualTo(1);
        assertThat(response.getBody().path("invalid").asInt()).isEqualTo(3);
        assertThat(results.get(0).path("valid").asBoolean()).isTrue();
        assertThat(results.get(0).path("isrc").asText()).isEqualTo("CAK7Q2600001");
        assertThat(results.get(0).path("display").asText()).isEqualTo("CA-K7Q-26-00001");
        assertThat(results.get(1).path("valid").asBoolean()).isFalse();
        assertThat(results.get(1).path("reason").asText()).isNotBlank();
        assertThat(results.get(1).path("position").asInt()).isEqualTo(13);
        assertThat(results.get(2).path("part").asText()).isEqualTo("YY");
        assertThat(results.get(3).path("part").asText()).isEqualTo("CC");
        assertThat(results.get(3).path("reason").asText()).contains("XQ");
    }

    @Test
    void aRequestWithoutCodesIsRefused() {
        ResponseEntity<JsonNode> response = new TestRegistry(http, jdbc).send(HttpMethod.POST, "/v1/isrc-validations",
                "{}", null);

        TestRegistry.assertProblem(response, HttpStatus.BAD_REQUEST, "invalid-field", "codes");
    }
}
