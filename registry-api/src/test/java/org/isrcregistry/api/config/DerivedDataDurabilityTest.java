package org.isrcregistry.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.api.TestRegistrants;
import org.isrcregistry.core.identifier.CountryCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Read models may commit without waiting for the disk; a command's own transaction never does. */
@RegistryIntegrationTest
@Import(DerivedDataDurabilityTest.Probes.class)
class DerivedDataDurabilityTest {

    static final Map<String, String> seen = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Probes {

        /** A streaming processor like the read models. */
        @Bean
        ReadModelProbe readModelProbe(JdbcTemplate jdbc) {
            return new ReadModelProbe(jdbc);
        }

        /** Inside the command's transaction, like the same-transaction lookups. */
        @Bean
        Object commandSideProbe(EventStore eventStore, JdbcTemplate jdbc) {
            return eventStore.subscribe(events -> events.stream()
                    .filter(e -> e.getPayload() instanceof PrefixRegistered registered
                            && registered.prefixCode().value().equals("CAD9B"))
                    .forEach(e -> seen.put("command", jdbc.queryForObject("SHOW synchronous_commit", String.class))));
        }
    }

    @ProcessingGroup("durability-probe")
    static class ReadModelProbe {

        private final JdbcTemplate jdbc;

        ReadModelProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(PrefixRegistered event) {
            if (event.prefixCode().value().equals("CAD9B")) {
                seen.put("read model", jdbc.queryForObject("SHOW synchronous_commit", String.class));
            }
        }
    }

    @Autowired
    RegistryCommands commands;

    @Test
    void readModelTransactionsCommitAsynchronouslyAndCommandTransactionsSynchronously() {
        commands.send(RegisterPrefix.withCode(PrefixCode.parse("CA-D9B"),
                TestRegistrants.register(commands, "Durability", CountryCode.parse("CA"))));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> seen.containsKey("read model"));
        assertThat(seen).containsEntry("command", "on").containsEntry("read model", "off");
    }
}
