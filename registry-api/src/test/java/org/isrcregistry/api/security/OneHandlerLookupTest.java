package org.isrcregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.List;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Security's filter chain runs without Spring MVC's handler-lookup cache filter in front of it (the
 * DispatcherServlet's own lookup is the only one), and still guards: the security tests run on this same chain.
 */
@RegistryIntegrationTest
class OneHandlerLookupTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter chain;

    @Test
    void theSecurityChainHasNoHandlerMappingIntrospectorFilterInFrontOfIt() {
        Object delegate = ReflectionTestUtils.getField(chain, "doFilterDelegate");
        @SuppressWarnings("unchecked")
        List<Filter> filters = (List<Filter>) ReflectionTestUtils.getField(delegate, "filters");
        assertThat(filters).isNotEmpty();
        assertThat(filters).noneMatch(filter -> filter.getClass().getName().contains("HandlerMappingIntrospector"));
    }
}
