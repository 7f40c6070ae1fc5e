package org.isrcregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.List;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Security's filter chain runs without Spring MVC's handler-lookup cache filter in front of it (the
 * DispatcherServlet's own lookup is the only one), no chain is chosen by a matcher that looks the handler up
 * ({@code MvcRequestMatcher}, which the cache filter was there for), and no filter is wrapped in an observation; the
 * chain still guards: the security tests run on this same chain.
 */
@RegistryIntegrationTest
class LeanFilterChainTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter chain;

    @Autowired
    List<SecurityFilterChain> chains;

    @Test
    void theSecurityChainHasNoHandlerMappingIntrospectorFilterInFrontOfIt() {
        List<Filter> filters = filters();
        assertThat(filters).isNotEmpty();
        assertThat(filters).noneMatch(filter -> filter.getClass().getName().contains("HandlerMappingIntrospector"));
    }

    @Test
    void noChainIsChosenByAHandlerLookupNorWrappedInObservations() {
        assertThat(chains).hasSize(2).allSatisfy(chain -> assertThat(
                ((DefaultSecurityFilterChain) chain).getRequestMatcher().toString()).doesNotContain("Mvc"));
        FilterChainProxy proxy = filters().stream().filter(FilterChainProxy.class::isInstance)
                .map(FilterChainProxy.class::cast).findFirst().orElseThrow();
        assertThat(ReflectionTestUtils.getField(proxy, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @SuppressWarnings("unchecked")
    private List<Filter> filters() {
        Object delegate = ReflectionTestUtils.getField(chain, "doFilterDelegate");
        return (List<Filter>) ReflectionTestUtils.getField(delegate, "filters");
    }
}
