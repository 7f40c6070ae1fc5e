package org.isrcregistry.api.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.isrcregistry.api.BatchOfOne;
import org.isrcregistry.api.TestRegistrants;
import org.isrcregistry.api.TestRegistry;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.prefix.DeclareNewVersion;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.VersionReason;

/** Test data through the real aggregates and event store (Axon's command gateway), then read-your-writes. */
final class Recordings {

    static final String ACTOR = "test-registrant";

    private final CommandGateway gateway;
    private final ReadYourWrites readYourWrites;

    Recordings(CommandGateway gateway, ReadYourWrites readYourWrites) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
    }

    PrefixCode prefix(String code) {
        PrefixCode prefix = PrefixCode.parse(code);
        send(new RegisterPrefix(prefix, null, TestRegistrants.register(c -> send(c, "registrant-" + code), "Registrant " + code,
                prefix.countryCode()), null), "register-" + code);
        return prefix;
    }

    Isrc assign(PrefixCode prefix, String title, String artist) {
        return assign(prefix, details(title, artist, "Owner A"));
    }

    Isrc assign(PrefixCode prefix, RecordingDetails details) {
        IsrcRegistration registration = BatchOfOne.registration(
                send(BatchOfOne.assign(prefix, details), "assign-" + details.metadata().title()));
        return registration.isrc();
    }

    Isrc newVersion(Isrc parent, PrefixCode prefix, VersionReason reason, String versionTitle) {
        RecordingDetails details = new RecordingDetails(new RecordingMetadata("Parent's song", versionTitle,
                "Some Artist", List.of(), RecordingDuration.ofMillis(200_000), RecordingKind.AUDIO, null),
                "Owner A", null, null, null);
        IsrcRegistration registration = send(new DeclareNewVersion(parent, prefix, reason, details), "version");
        return registration.isrc();
    }

    static RecordingDetails details(String title, String artist, String owner) {
        return new RecordingDetails(new RecordingMetadata(title, null, artist, List.of(),
                RecordingDuration.ofMillis(180_000 + Math.abs(title.hashCode() % 50_000)), RecordingKind.AUDIO, null),
                owner, null, null, null);
    }

    <R> R send(Object command, String correlationId) {
        R result = sendOnly(command, correlationId);
        awaitReadModels();
        return result;
    }

    /** Sends without waiting for the read models: for many commands in a row, then {@link #awaitReadModels()}. */
    <R> R sendOnly(Object command, String correlationId) {
        return gateway.sendAndWait(command, MetaData.from(Map.of("actor", ACTOR, "correlationId", correlationId)));
    }

    void awaitReadModels() {
        assertThat(TestRegistry.readModelsCaughtUp(readYourWrites)).as("read models caught up").isTrue();
    }
}
