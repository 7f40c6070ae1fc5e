package org.isrcregistry.core.prefix;

import static org.isrcregistry.core.rule.RegistryRuleException.Kind.CLIENT_NOT_AUTHORISED;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.YEARLY_CAP_REACHED;
import static org.isrcregistry.core.testing.Samples.IN_2026;
import static org.isrcregistry.core.testing.Samples.OWNER;
import static org.isrcregistry.core.testing.Samples.PREFIX;
import static org.isrcregistry.core.testing.Samples.REGISTRANT;
import static org.isrcregistry.core.testing.Samples.assigned;
import static org.isrcregistry.core.testing.Samples.details;
import static org.isrcregistry.core.testing.Samples.isrc26;
import static org.isrcregistry.core.testing.Samples.metadata;
import static org.isrcregistry.core.testing.Samples.prefixRegistered;
import static org.isrcregistry.core.testing.Samples.recordingAssigned;
import static org.isrcregistry.core.testing.Refusals.refused;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.VersionReason;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.ManagerClients;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.Registrants;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.core.testing.RecordingStore;
import org.junit.jupiter.api.Test;

/** The rule an ISRC Manager's prefix adds to each assignment of a batch: an authorised client, within the cap. */
class ManagerAssignmentTest {

    private static final RegistrantId MANAGER = RegistrantId.parse("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final ClientId CLIENT = ClientId.parse("3c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f");
    private static final int CAP = 3;

    private final RecordingStore store = new RecordingStore();
    /** Codes the manager assigned this year on its other prefixes. */
    private int assignedElsewhere;
    private final FixtureConfiguration<Prefix> fixture = new AggregateTestFixture<>(Prefix.class);

    ManagerAssignmentTest() {
        fixture.registerRepositoryProvider(store.repositoryProvider());
        fixture.registerInjectableResource(new RegistryCalendar(IN_2026, ZoneOffset.UTC));
        fixture.registerInjectableResource(store.catalogue());
        fixture.registerInjectableResource(store.recordings());
        fixture.registerInjectableResource((RegistrantCodes) country -> Optional.empty());
        fixture.registerInjectableResource((Registrants) id -> Optional.of(id.equals(MANAGER)
                ? new Registrants.Registrant(id, RegistrantKind.ISRC_MANAGER, true, CAP)
                : new Registrants.Registrant(id, RegistrantKind.PRODUCER, true, null)));
        fixture.registerInjectableResource(new ManagerClients() {
            @Override
            public Optional<Client> client(RegistrantId manager, ClientId client) {
                return manager.equals(MANAGER) && client.equals(CLIENT)
                        ? Optional.of(new Client(CLIENT, OWNER.toUpperCase())) : Optional.empty();
            }

            @Override
            public int assignedIn(RegistrantId manager, int yearOfReference) {
                return yearOfReference == 26 ? assignedElsewhere : 0;
            }
        });
        fixture.registerInjectableResource(new AgencyCountryCodes(Set.of(CountryCode.parse("CA"))));
    }

    private static AssignIsrcs.Request request(String title, String owner, ClientId client) {
        RecordingDetails recording = new RecordingDetails(metadata(title, 180), owner, null, null, null);
        return new AssignIsrcs.Request(recording, client, Map.of());
    }

    private static CustomTypeSafeMatcher<List<RegistrationOutcome>> refusals(RegistryRuleException.Kind... kinds) {
        return new CustomTypeSafeMatcher<>("refusals " + Arrays.toString(kinds)) {
            @Override
            protected boolean matchesSafely(List<RegistrationOutcome> outcomes) {
                return outcomes.stream().map(o -> o.refusal() == null ? null : o.refusal().kind()).toList()
                        .equals(Arrays.asList(kinds));
            }
        };
    }

    @Test
    void eachCodeNamesAnAuthorisedClientThatOwnsTheRecording() {
        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, MANAGER))
                .when(new AssignIsrcs(PREFIX, List.of(
                        request("Sans client", OWNER, null),
                        request("Client inconnu", OWNER, ClientId.random()),
                        request("Autre maître", "Quelqu'un d'autre", CLIENT),
                        request("Pour le client", OWNER, CLIENT))))
                .expectEvents(assigned(isrc26(0)), new AssignedForClient(PREFIX, isrc26(0), MANAGER, CLIENT))
                .expectResultMessagePayloadMatching(refusals(CLIENT_NOT_AUTHORISED, CLIENT_NOT_AUTHORISED,
                        CLIENT_NOT_AUTHORISED, null));
    }

    @Test
    void theCapCountsTheManagersOtherPrefixesAndTheBatchItself() {
        assignedElsewhere = 1;
        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, MANAGER))
                .when(new AssignIsrcs(PREFIX, List.of(request("Un", OWNER, CLIENT), request("Deux", OWNER, CLIENT),
                        request("Trois", OWNER, CLIENT))))
                .expectEvents(assigned(isrc26(0)), new AssignedForClient(PREFIX, isrc26(0), MANAGER, CLIENT),
                        assigned(isrc26(1)), new AssignedForClient(PREFIX, isrc26(1), MANAGER, CLIENT))
                .expectResultMessagePayloadMatching(refusals(null, null, YEARLY_CAP_REACHED));
    }

    @Test
    void aProducersPrefixNeedsNoClient() {
        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, REGISTRANT))
                .when(new AssignIsrcs(PREFIX, List.of(new AssignIsrcs.Request(details(metadata("Libre", 180)),
                        Map.of()))))
                .expectEvents(assigned(isrc26(0)))
                .expectResultMessagePayloadMatching(refusals((RegistryRuleException.Kind) null));
    }

    @Test
    void aNewVersionUnderAManagersPrefixIsForAnAuthorisedClientAndCountsAgainstTheCap() {
        Isrc parent = Isrc.of(PrefixCode.parse("FRZ03"), 19, 42);
        store.given(recordingAssigned(parent, details(metadata("Les saisons", 180))));
        VersionReason remix = VersionReason.of(ChangeKind.REMIX);
        RecordingDetails remixed = new RecordingDetails(metadata("Les saisons (remix)", 245), OWNER, null, null, null);

        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, MANAGER))
                .when(new DeclareNewVersion(parent, PREFIX, remix, remixed))
                .expectNoEvents()
                .expectException(refused(CLIENT_NOT_AUTHORISED, "names none"));
        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, MANAGER))
                .when(new DeclareNewVersion(parent, PREFIX, remix, remixed, CLIENT))
                .expectEvents(assigned(isrc26(0)), new AssignedForClient(PREFIX, isrc26(0), MANAGER, CLIENT));
        assignedElsewhere = CAP;
        fixture.given(prefixRegistered(), new PrefixAllocated(PREFIX, MANAGER))
                .when(new DeclareNewVersion(parent, PREFIX, remix, remixed, CLIENT))
                .expectNoEvents()
                .expectException(refused(YEARLY_CAP_REACHED, "cap 3"));
    }
}
