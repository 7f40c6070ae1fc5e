package org.isrcregistry.projections.compliance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class ComplianceConfiguration {

    @Bean
    ComplianceProjection complianceProjection(JdbcTemplate jdbc) {
        return new ComplianceProjection(jdbc);
    }

    @Bean
    Reports complianceReports(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new Reports(jdbc, transactions);
    }

    @Bean
    ComplianceQueries complianceQueries(JdbcTemplate jdbc) {
        return new ComplianceQueries(jdbc);
    }
}
