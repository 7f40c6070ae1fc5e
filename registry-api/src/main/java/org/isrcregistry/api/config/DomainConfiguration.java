package org.isrcregistry.api.config;

import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.config.AggregateConfigurer;
import org.isrcregistry.core.conflict.Conflict;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.isrcregistry.core.prefix.AgencyCountryCodes;
import org.isrcregistry.core.prefix.Prefix;
import org.isrcregistry.core.registrant.Registrant;
import org.isrcregistry.core.prefix.RegistryCalendar;
import org.isrcregistry.core.recording.Recording;
import org.isrcregistry.core.recording.RecordingRules;
import org.isrcregistry.core.recording.Recordings;
import org.isrcregistry.core.upcasting.PrefixRegisteredUpcaster;
import org.isrcregistry.core.upcasting.ReadableEventsUpcaster;
import org.isrcregistry.projections.lookup.JdbcRecordingCatalogue;
import org.isrcregistry.projections.lookup.JdbcRegistrantCodes;
import org.isrcregistry.projections.lookup.JdbcManagerClients;
import org.isrcregistry.projections.lookup.JdbcRegistrants;
import org.isrcregistry.projections.lookup.RegistryLookups;
import org.isrcregistry.projections.report.YearlyReport;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registers the aggregates of registry-core with Axon (core carries no Spring annotations) and provides the resources
 * their command handlers take as parameters.
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    ConfigurerModule aggregates(AgencyProperties agency, CacheManager prefixCacheManager) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Prefix.class)
                        .configureCache(c -> prefixCache(prefixCacheManager))
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                c.snapshotter(), agency.snapshotEvery())))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Recording.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                c.snapshotter(), agency.snapshotEvery())))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Registrant.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Conflict.class));
    }

    /**
     * The lookups the set-based rules read, written in each command's transaction: subscribed to the event store, so
     * they get a unit of work's events as one list (one batch) and their failure fails the command.
     */
    @Bean
    ConfigurerModule registryLookups(JdbcTemplate jdbc) {
        RegistryLookups lookups = new RegistryLookups(jdbc);
        return configurer -> configurer.onInitialize(config -> config.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS,
                () -> config.eventStore().subscribe(lookups)));
    }

    /**
     * How Spring Boot's snapshotter builds the aggregates it snapshots: it looks for them among the beans, and without
     * them it refuses every snapshot ("Aggregate Type is unknown"), so that a prefix not in the cache is replayed from
     * its first event. These hand over, lazily, to the factories Axon's configuration holds.
     */
    @Bean
    AggregateFactory<Prefix> prefixFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return aggregateFactory(Prefix.class, axon);
    }

    @Bean
    AggregateFactory<Recording> recordingFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return aggregateFactory(Recording.class, axon);
    }

    private static <A> AggregateFactory<A> aggregateFactory(Class<A> type,
                                                            ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new AggregateFactory<>() {
            @Override
            public A createAggregateRoot(String identifier, DomainEventMessage<?> firstEvent) {
                return axon.getObject().aggregateFactory(type).createAggregateRoot(identifier, firstEvent);
            }

            @Override
            public Class<A> getAggregateType() {
                return type;
            }
        };
    }

    /**
     * Prefixes stay in memory between commands: assignments load a prefix far more often than it changes. A stale
     * entry (another node appended) fails on the event store's unique sequence number and is evicted on rollback.
     * Strong references, up to {@code registry.agency.cached-prefixes}: a weak reference does not outlive the next
     * young collection, and every miss costs a snapshot and the events after it.
     */
    @Bean(destroyMethod = "close")
    CacheManager prefixCacheManager(AgencyProperties agency) {
        return CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("prefixes", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class,
                        Object.class, ResourcePoolsBuilder.heap(agency.cachedPrefixes())))
                .build(true);
    }

    private static Cache prefixCache(CacheManager caches) {
        return new EhCache3Adapter((Ehcache) caches.getCache("prefixes", Object.class, Object.class));
    }

    @Bean
    PrefixRegisteredUpcaster prefixRegisteredUpcaster() {
        return new PrefixRegisteredUpcaster();
    }

    /** Events stored before every input was held to one rule are read as it would have accepted them. */
    @Bean
    ReadableEventsUpcaster readableEventsUpcaster() {
        return new ReadableEventsUpcaster();
    }

    @Bean
    RegistryCalendar registryCalendar(AgencyProperties agency) {
        return new RegistryCalendar(Clock.systemUTC(), agency.timeZone());
    }

    @Bean
    RecordingRules recordingRules(AgencyProperties agency) {
        return new RecordingRules(agency.durationCorrectionTolerance());
    }

    /** Lazily: Axon builds the recording repository and the event store after the Spring beans its handlers use. */
    @Bean
    Recordings recordings(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new Recordings(() -> axon.getObject().repository(Recording.class), () -> axon.getObject().eventBus());
    }

    @Bean
    JdbcRecordingCatalogue recordingCatalogue(JdbcTemplate jdbc) {
        return new JdbcRecordingCatalogue(jdbc);
    }

    @Bean
    JdbcRegistrantCodes registrantCodes(JdbcTemplate jdbc) {
        return new JdbcRegistrantCodes(jdbc);
    }

    @Bean
    JdbcRegistrants registrants(JdbcTemplate jdbc) {
        return new JdbcRegistrants(jdbc);
    }

    @Bean
    JdbcManagerClients managerClients(JdbcTemplate jdbc) {
        return new JdbcManagerClients(jdbc);
    }

    /** The yearly report counts the events of the agency's year. */
    @Bean
    YearlyReport yearlyReport(JdbcTemplate jdbc, AgencyProperties agency) {
        return new YearlyReport(jdbc, agency.timeZone());
    }

    /** Checked at start-up: a registry with letters that are not allocated does not start. */
    @Bean
    AgencyCountryCodes agencyCountryCodes(AgencyProperties agency) {
        return agency.agencyCountryCodes();
    }
}
