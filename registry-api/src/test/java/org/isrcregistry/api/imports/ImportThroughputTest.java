package org.isrcregistry.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.TestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Measures a 100,000-row import: {@code -Dregistry.bench=true -Dtest=ImportThroughputTest}. Not in the suite. */
@RegistryIntegrationTest
@EnabledIfSystemProperty(named = "registry.bench", matches = "true")
class ImportThroughputTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hundredThousandRows() {
        String prefix = new TestRegistry(http, jdbc).newPrefix();
        String code = prefix.replace("-", "");
        StringBuilder csv = new StringBuilder("isrc,title,mainArtist,duration,kind,owner\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(code).append("10").append("%05d".formatted(i)).append(",Title ").append(i)
                    .append(",Artist ").append(i % 977).append(",PT3M").append(i % 60).append("S,AUDIO,Owner\n");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        long start = System.nanoTime();
        ResponseEntity<JsonNode> accepted = http.postForEntity("/v1/prefixes/" + prefix + "/recordings/imports",
                new HttpEntity<>(csv.toString(), headers), JsonNode.class);
        long acceptedAt = System.nanoTime();
        JsonNode done = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.getForObject(accepted.getHeaders().getLocation() + "?limit=0", JsonNode.class),
                        view -> !"RUNNING".equals(view.path("status").asText()));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("IMPORT 100000 rows: accepted in %.2f s, completed in %.2f s: %.0f rows/s%n",
                (acceptedAt - start) / 1e9, seconds, 100_000 / seconds);
        assertThat(done.path("registered").asInt()).isEqualTo(100_000);
    }
}
