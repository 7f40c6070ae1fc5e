package org.isrcregistry.api.feed;

import java.time.Duration;
import org.junit.jupiter.api.Tag;

/**
 * Scenario 4 (docs/reliability.md): the broker down for minutes ({@code -Dregistry.faults.broker-outage=PT5M}; two by
 * default) while codes are assigned all along. In the fault suite only ({@code -Pfaults}).
 */
@Tag("faults")
class LongBrokerOutageTest extends BrokerOutageTest {

    @Override
    Duration outage() {
        return Duration.parse(System.getProperty("registry.faults.broker-outage", "PT2M"));
    }
}
