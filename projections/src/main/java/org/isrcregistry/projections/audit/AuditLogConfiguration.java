package org.isrcregistry.projections.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class AuditLogConfiguration {

    @Bean
    AuditLogProjection auditLogProjection(JdbcTemplate jdbc) {
        return new AuditLogProjection(jdbc);
    }
}
