package org.isrcregistry.projections.recording;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class RecordingReadModelConfiguration {

    @Bean
    RecordingProjection recordingProjection(JdbcTemplate jdbc) {
        return new RecordingProjection(jdbc);
    }

    @Bean
    RecordingQueries recordingQueries(JdbcTemplate jdbc) {
        return new RecordingQueries(jdbc);
    }
}
