package org.isrcregistry.core.event;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.Upc;
import org.isrcregistry.core.prefix.DesignationOrigin;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.DesignationTaken;
import org.isrcregistry.core.prefix.PrefixReinstated;
import org.isrcregistry.core.prefix.PrefixSuspended;
import org.isrcregistry.core.recording.*;
import org.isrcregistry.core.testing.Serializers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.core.testing.Samples.*;

/** Events are the permanent record: each must survive the event store's serializer unchanged. */
class RegistryEventsTest {

    private static final Isrc ISRC = isrc26(1);
    private static final Isrc PARENT = isrc(24, 9);
    private static final org.isrcregistry.core.registrant.ClientId CLIENT =
            org.isrcregistry.core.registrant.ClientId.parse("3c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f");

    static Stream<RegistryEvent> everyEvent() {
        RecordingDetails video = new RecordingDetails(video(), OWNER, "DistroNord", fingerprint('c'), PARENT);
        return Stream.of(
                new org.isrcregistry.core.prefix.PrefixRegistered(PREFIX, new DesignationRange(5, 50)),
                new org.isrcregistry.core.prefix.PrefixAllocated(PREFIX, REGISTRANT),
                new org.isrcregistry.core.prefix.PrefixTransferred(PREFIX, REGISTRANT, OTHER_REGISTRANT, "label sold"),
                new org.isrcregistry.core.registrant.RegistrantRegistered(REGISTRANT,
                        new org.isrcregistry.core.registrant.RegistrantDetails("Disques Nordet inc.",
                                List.of("Disques Nordet"), org.isrcregistry.core.identifier.CountryCode.parse("CA")),
                        org.isrcregistry.core.registrant.RegistrantKind.ISRC_MANAGER,
                        org.isrcregistry.core.registrant.ManagerTerms.of(
                                org.isrcregistry.core.registrant.VolumeTier.LOW_VOLUME, null),
                        java.time.Instant.parse("2024-05-01T10:00:00Z")),
                new org.isrcregistry.core.registrant.RegistrantUpdated(REGISTRANT,
                        new org.isrcregistry.core.registrant.RegistrantDetails("Nordet inc.", List.of(),
                                org.isrcregistry.core.identifier.CountryCode.parse("CA")), null,
                        List.of("legalName", "contacts"), "renamed"),
                new org.isrcregistry.core.registrant.RegistrantDeactivated(REGISTRANT, "stopped trading"),
                new org.isrcregistry.core.registrant.ContactsErased(REGISTRANT, "GDPR-2026-014"),
                new org.isrcregistry.core.registrant.ClientAuthorised(REGISTRANT, CLIENT, OWNER,
                        LocalDate.of(2026, 1, 15), "mandate 2026-004"),
                new org.isrcregistry.core.prefix.AssignedForClient(PREFIX, ISRC, REGISTRANT, CLIENT),
                new PrefixSuspended(PREFIX, "unpaid fees"),
                new PrefixReinstated(PREFIX),
                new DesignationTaken(PREFIX, ISRC, DesignationOrigin.IMPORTED),
                new IsrcAssigned(ISRC, video, PARENT, new VersionReason(ChangeKind.OTHER, "new lyrics")),
                new ExistingIsrcRegistered(ISRC, details(song())),
                new NewVersionDeclared(PARENT, ISRC, VersionReason.of(ChangeKind.LIVE)),
                new OwnershipTransferred(ISRC, OWNER, "Label Boréal", LocalDate.of(2026, 4, 1)),
                new DistributorChanged(ISRC, null, "DistroNord", LocalDate.of(2026, 4, 1)),
                new MetadataCorrected(ISRC, song(), "typo"),
                new ReleaseLinked(ISRC, new Release(Upc.parse("036000291452"), "Saisons", "CD", Set.of("CA"))),
                new WorkLinked(ISRC, Iswc.parse("T-034.524.680-1")),
                new IsrcWithdrawn(ISRC, WithdrawalReason.DUPLICATE, PARENT),
                new PossibleDuplicateDetected(ISRC, List.of(PARENT)));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void survivesTheEventStoresSerializer(RegistryEvent event) {
        JacksonSerializer serializer = Serializers.jackson();
        SerializedObject<String> stored = serializer.serialize(event, String.class);

        assertThat(stored.getType().getRevision()).isNotNull();
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void isKeyedByItsRecordingsIsrcItsPrefixCodeOrItsRegistrantId(RegistryEvent event) {
        String expected = event instanceof RecordingEvent recordingEvent ? recordingEvent.isrc().value()
                : event instanceof org.isrcregistry.core.registrant.RegistrantEvent registrantEvent
                ? registrantEvent.registrantId().toString() : "CAK7Q";
        assertThat(event.subject()).isEqualTo(expected);
    }
}
