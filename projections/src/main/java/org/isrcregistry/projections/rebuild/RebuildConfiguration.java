package org.isrcregistry.projections.rebuild;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.isrcregistry.projections.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {

    @Bean
    ReadModelRebuilds readModelRebuilds(EventStorageEngine store, DataSource dataSource,
                                        PlatformTransactionManager transactions, List<ReadModel> readModels,
                                        EventProcessingConfiguration processing, TokenStore tokens) {
        return new ReadModelRebuilds(store, dataSource, transactions, readModels, processing, tokens);
    }
}
