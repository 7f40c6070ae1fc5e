package org.isrcregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@RegistryIntegrationTest
class OpenApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void everyCommandIsDescribedWithItsIdempotencyKeyProblemsAndToken() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        JsonNode paths = api.path("paths");

        JsonNode assign = paths.path("/v1/prefixes/{prefix}/recordings").path("post");
        assertThat(assign.path("responses").has("201")).isTrue();
        assertThat(assign.path("responses").path("409").path("content").has("application/problem+json")).isTrue();
        assertThat(assign.path("parameters").findValuesAsText("name")).contains("Idempotency-Key", "prefix");
        for (String path : new String[] {"/v1/recordings/{isrc}/versions", "/v1/recordings/{isrc}/ownership-transfers",
                "/v1/recordings/{isrc}/distributor-changes", "/v1/recordings/{isrc}/releases",
                "/v1/recordings/{isrc}/works", "/v1/recordings/{isrc}/withdrawal", "/v1/isrc-validations",
                "/v1/prefixes/{prefix}/suspension", "/v1/prefixes/{prefix}/recordings/imports"}) {
            assertThat(paths.path(path).path("post").isObject()).as(path).isTrue();
        }
        assertThat(paths.path("/v1/recordings/{isrc}").has("put")).isTrue();
        assertThat(paths.path("/v1/recordings/{isrc}").has("patch")).isTrue();
        // Which operations need a token: all but the public look-ups and validation.
        assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(assign.path("security").get(0).has("bearer")).isTrue();
        assertThat(assign.path("responses").has("401")).isTrue();
        assertThat(paths.path("/v1/admin/tokens").path("post").path("security").get(0).has("bearer")).isTrue();
        assertThat(paths.path("/v1/recordings/{isrc}").path("get").has("security")).isFalse();
        assertThat(paths.path("/v1/isrc-validations").path("post").has("security")).isFalse();
        assertThat(http.getForEntity("/swagger-ui.html", String.class).getStatusCode().is3xxRedirection()
                || http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode() == HttpStatus.OK).isTrue();
    }
}
