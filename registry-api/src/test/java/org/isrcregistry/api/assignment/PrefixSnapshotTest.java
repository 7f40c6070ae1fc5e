package org.isrcregistry.api.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs.Registration;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A prefix is snapshotted every 500 events (registry.agency.snapshot-every), so that loading it never replays its
 * whole history: Spring Boot's snapshotter must know how to build it.
 */
@RegistryIntegrationTest
class PrefixSnapshotTest extends WithNewPrefix {

    @Autowired
    RegistryCommands commands;

    @Test
    void aPrefixIsSnapshottedAfterFiveHundredEvents() {
        PrefixCode code = PrefixCode.parse(prefix);
        List<Registration> registrations = IntStream.range(0, 600).mapToObj(n -> new Registration(
                Isrc.of(code, 19, n), new RecordingDetails(new RecordingMetadata("Snapshot " + n, null, "Artist",
                        List.of(), RecordingDuration.ofMillis(200_000), RecordingKind.AUDIO, LocalDate.of(2019, 1, 1)),
                        "Owner", null, null, null))).toList();

        commands.send(new RegisterExistingIsrcs(code, registrations), "test", "snapshot-test");

        assertThat(jdbc.queryForObject("SELECT max(sequencenumber) FROM snapshotevententry WHERE aggregateidentifier = ?",
                Long.class, code.value())).as("registered, allocated, 600 designations").isEqualTo(601);
    }
}
