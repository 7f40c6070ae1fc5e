package org.isrcregistry.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * The tests' AGENCY token: the registry under test stores it as its bootstrap token, and {@code TestRestTemplate}
 * sends it on every request that names no other Authorization, so each test tests what it is about.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AgencyToken {

    /** A test fixture, not a secret: it only ever opens throw-away registries. */
    public static final String SECRET = "isrc_test-agency-0123456789abcdefghijklmnopqrstuv";
    public static final String PROPERTY = "registry.security.bootstrap-token=" + SECRET;

    @Bean
    RestTemplateCustomizer sendAgencyToken() {
        return rest -> rest.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(SECRET);
            }
            return execution.execute(request, body);
        });
    }
}
