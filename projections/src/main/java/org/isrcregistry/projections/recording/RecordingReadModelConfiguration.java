package org.isrcregistry.projections.recording;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class RecordingReadModelConfiguration {

    @Bean
    RecordingProjection recordingProjection(JdbcTemplate jdbc) {
        return new RecordingProjection(jdbc);
    }

    @Bean
    RecordingQueries recordingQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new RecordingQueries(jdbc, transactions);
    }
}
