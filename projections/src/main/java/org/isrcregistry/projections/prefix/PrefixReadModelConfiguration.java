package org.isrcregistry.projections.prefix;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class PrefixReadModelConfiguration {

    @Bean
    PrefixProjection prefixProjection(JdbcTemplate jdbc) {
        return new PrefixProjection(jdbc);
    }

    @Bean
    PrefixQueries prefixQueries(JdbcTemplate jdbc) {
        return new PrefixQueries(jdbc);
    }
}
