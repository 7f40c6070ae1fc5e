package org.isrcregistry.projections.registrant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class RegistrantReadModelConfiguration {

    @Bean
    RegistrantQueries registrantQueries(JdbcTemplate jdbc) {
        return new RegistrantQueries(jdbc);
    }
}
