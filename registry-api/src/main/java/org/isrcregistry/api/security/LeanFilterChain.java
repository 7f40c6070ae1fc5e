package org.isrcregistry.api.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What Spring Security adds to every request beyond its rules, taken out where the registry uses none of it.
 * <ul>
 * <li>Spring Security 6 installs Spring MVC's {@code HandlerMappingIntrospector} cache filter in front of its filter
 * chain whenever Spring MVC is present: it resolves every request's handler ahead of the {@code DispatcherServlet},
 * which then resolves it again, for the sake of {@code MvcRequestMatcher} and Spring MVC's CORS configuration. The
 * registry uses neither (its chains and rules are chosen by {@code PathPatternRequestMatcher}s; no CORS), so the
 * filter is taken out of the chain: one handler lookup per request instead of two. Spring Security 7 drops the filter
 * itself. Should the chain be built another way, nothing is removed.</li>
 * <li>The observation around each filter of the chain (docs/read-throughput.md).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class LeanFilterChain {

    static final String CACHE_FILTER = "HandlerMappingIntrospectorCacheFilterFactoryBean";

    /**
     * No observation around each filter of the chain (two per filter and request): {@code http.server.requests}
     * still times every request, and authentications and authorizations stay observed.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    /** Runs after every bean definition is registered, Spring Security's rewrite of its filter chain included. */
    @Bean
    static BeanFactoryPostProcessor withoutTheIntrospectorCacheFilter() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition("springSecurityFilterChain")) {
                return;
            }
            ValueHolder filters = beanFactory.getBeanDefinition("springSecurityFilterChain")
                    .getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
            if (filters != null && filters.getValue() instanceof List<?> list) {
                list.removeIf(filter -> filter instanceof BeanDefinition definition
                        && definition.getBeanClassName() != null && definition.getBeanClassName().endsWith(CACHE_FILTER));
            }
        };
    }
}
