package org.isrcregistry.projections.history;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

    @Bean
    RecordingHistory recordingHistory(EventStore eventStore) {
        return new RecordingHistory(eventStore);
    }
}
