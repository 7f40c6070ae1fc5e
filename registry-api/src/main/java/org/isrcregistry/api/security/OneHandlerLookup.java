package org.isrcregistry.api.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Security 6 installs Spring MVC's {@code HandlerMappingIntrospector} cache filter in front of its filter chain
 * whenever Spring MVC is present: it resolves every request's handler ahead of the {@code DispatcherServlet}, which
 * then resolves it again, for the sake of {@code MvcRequestMatcher} and Spring MVC's CORS configuration. The registry
 * uses neither (its rules are {@code PathPatternRequestMatcher}s; no CORS), so the filter is taken out of the chain:
 * one handler lookup per request instead of two, a tenth of a public look-up's CPU (docs/read-throughput.md). Spring
 * Security 7 drops the filter itself. Should the chain be built another way, nothing is removed.
 */
@Configuration(proxyBeanMethods = false)
class OneHandlerLookup {

    static final String CACHE_FILTER = "HandlerMappingIntrospectorCacheFilterFactoryBean";

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
