package org.isrcregistry.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.api.KafkaTestConsumer.header;
import static org.isrcregistry.api.feed.FeedFixtures.firstArrivals;
import static org.isrcregistry.api.feed.FeedFixtures.hasAll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.isrcregistry.api.BatchOfOne;
import org.isrcregistry.api.KafkaTestConsumer;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.core.event.RegistryEvent;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.identifier.ReleaseCode;
import org.isrcregistry.core.prefix.AssignIsrcs;
import org.isrcregistry.core.prefix.DeclareNewVersion;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.isrcregistry.core.prefix.ReinstatePrefix;
import org.isrcregistry.core.prefix.SuspendPrefix;
import org.isrcregistry.core.prefix.TransferPrefix;
import org.isrcregistry.core.registrant.AuthoriseClient;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.DeactivateRegistrant;
import org.isrcregistry.core.registrant.EraseContacts;
import org.isrcregistry.core.registrant.ManagerTerms;
import org.isrcregistry.core.registrant.RegisterRegistrant;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.UpdateRegistrant;
import org.isrcregistry.core.registrant.VolumeTier;
import org.isrcregistry.core.recording.ChangeDistributor;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.CorrectMetadata;
import org.isrcregistry.core.recording.LinkRelease;
import org.isrcregistry.core.recording.LinkWork;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.Release;
import org.isrcregistry.core.recording.OwnershipTransferred;
import org.isrcregistry.core.recording.TransferOwnership;
import org.isrcregistry.core.recording.VersionReason;
import org.isrcregistry.core.recording.WithdrawIsrc;
import org.isrcregistry.projections.feed.KafkaFeedConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One life of a prefix and its recordings, every kind of event once at least, read back from the real broker by a
 * plain KafkaConsumer as a downstream system would.
 */
@RegistryIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    CommandGateway gateway;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    ObjectMapper json;

    @Autowired
    EventStore eventStore;

    FeedFixtures fixtures;
    PrefixCode prefix;
    Isrc song;
    Isrc corrected;
    Isrc remix;
    Isrc duplicate;
    Isrc imported;
    /** The prefix's last change of state: its reinstatement. */
    String reinstated;
    /** Stored event ids per subject, in commit order. */
    final Map<String, List<String>> stored = new LinkedHashMap<>();

    @BeforeAll
    void aLifeOfAPrefixAndItsRecordings() {
        fixtures = new FeedFixtures(gateway, jdbc);
        prefix = fixtures.newPrefix();
        song = fixtures.assign(prefix, "Northern Feed");
        corrected = fixtures.assign(prefix, "Sothern Feed");
        fixtures.send(new TransferOwnership(song, "Label Two", LocalDate.of(2026, 3, 1)));
        fixtures.send(new ChangeDistributor(song, "Distro North", LocalDate.of(2026, 3, 2)));
        fixtures.send(new LinkRelease(song, new Release(ReleaseCode.parse("036000291452"), "Feed Album", "CD",
                Set.of("ca", "IS"))));
        fixtures.send(new LinkWork(song, Iswc.parse("T-034.524.680-1")));
        IsrcRegistration version = fixtures.send(new DeclareNewVersion(song, prefix, VersionReason.of(ChangeKind.REMIX),
                FeedFixtures.details("Northern Feed", "Club Remix")));
        remix = version.isrc();
        fixtures.send(new CorrectMetadata(corrected, new RecordingMetadata("Southern Feed", null, "The Feed Testers",
                List.of(), RecordingDuration.ofMillis(201_000), RecordingKind.AUDIO, LocalDate.of(2025, 5, 1)),
                "typo in the title"));
        fixtures.send(WithdrawIsrc.assignedInError(corrected));
        duplicate = fixtures.assign(prefix, "Northern Feed");
        imported = Isrc.parse(prefix.value() + "9900042");
        fixtures.send(BatchOfOne.register(imported, FeedFixtures.details("Old Feed", null)));
        fixtures.send(new SuspendPrefix(prefix, "annual audit"));
        fixtures.send(new ReinstatePrefix(prefix));
        List<String> prefixEvents = fixtures.eventIds(prefix.value());
        reinstated = prefixEvents.get(prefixEvents.size() - 1);
        // The registrants' side, for the restricted topic: a second registrant takes the prefix over, the first one's
        // file changes, its contacts are erased, it stops trading.
        RegistrantId buyer = fixtures.send(new RegisterRegistrant(RegistrantId.random(), new RegistrantDetails(
                "Feed Buyer", List.of(), prefix.countryCode()), RegistrantKind.ISRC_MANAGER,
                ManagerTerms.of(VolumeTier.HIGH_VOLUME, null), null));
        RegistrantId seller = fixtures.holderOf(prefix);
        fixtures.send(new TransferPrefix(prefix, buyer, "catalogue sold"));
        // The buyer, an ISRC Manager, assigns a code for a client that authorised it.
        ClientId client = fixtures.send(new AuthoriseClient(buyer, ClientId.random(), "Label One",
                LocalDate.of(2026, 1, 15), "mandate FEED-1"));
        fixtures.send(new AssignIsrcs(prefix, List.of(new AssignIsrcs.Request(FeedFixtures.details("Client Feed",
                null), client, Map.of()))));
        fixtures.send(new UpdateRegistrant(seller, new RegistrantDetails("Feed Seller", List.of("Feed Test"),
                prefix.countryCode()), null, false, "renamed"));
        fixtures.send(new EraseContacts(seller, "GDPR-FEED-1"));
        fixtures.send(new DeactivateRegistrant(seller, "stopped trading"));
        for (String subject : List.of(prefix.value(), song.value(), corrected.value(), remix.value(),
                duplicate.value(), imported.value())) {
            stored.put(subject, fixtures.eventIds(subject));
        }
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, Map<String, Set<String>> expected) {
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(kafka, topic)) {
            return consumer.pollUntil(seen -> expected.entrySet().stream()
                    .allMatch(e -> hasAll(seen, e.getKey(), e.getValue())), WAIT);
        }
    }

    private List<ConsumerRecord<String, byte[]>> allEvents() {
        return read("isrc-registry.events", stored.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new HashSet<>(e.getValue()))));
    }

    @Test
    void everyEventArrivesOnceAtLeastInCommitOrderPerKey() {
        List<ConsumerRecord<String, byte[]>> records = allEvents();

        stored.forEach((subject, ids) -> assertThat(firstArrivals(records, subject)).as(subject).isEqualTo(ids));
        assertThat(stored.get(song.value())).hasSize(6);
        assertThat(stored.get(prefix.value())).hasSize(1 + 6 + 2);
        Set<Integer> partitions = records.stream().filter(r -> song.value().equals(r.key()))
                .map(ConsumerRecord::partition).collect(Collectors.toSet());
        assertThat(partitions).as("all events of one recording on one partition").hasSize(1);
    }

    @Test
    void eachRecordIsABinaryCloudEventWithThePublicPayloadOnly() throws IOException {
        List<ConsumerRecord<String, byte[]>> records = allEvents();
        String transferId = stored.get(song.value()).get(1);
        ConsumerRecord<String, byte[]> transfer = records.stream()
                .filter(r -> transferId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT payloadtype, timestamp FROM domainevententry WHERE eventidentifier = ?", transferId);

        assertThat(row.get("payloadtype")).isEqualTo("org.isrcregistry.core.recording.OwnershipTransferred");
        assertThat(header(transfer, "ce_type")).isEqualTo("org.isrc-registry.OwnershipTransferred.v1");
        assertThat(header(transfer, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(transfer, "ce_source")).isEqualTo("urn:isrc-registry");
        assertThat(header(transfer, "ce_subject")).isEqualTo(song.value());
        assertThat(java.time.Instant.parse(header(transfer, "ce_time")))
                .isEqualTo(java.time.Instant.parse((String) row.get("timestamp")));
        assertThat(header(transfer, "content-type")).isEqualTo("application/json");
        assertThat(Stream.of(transfer.headers().toArray()).map(Header::key))
                .containsExactlyInAnyOrder("ce_id", "ce_type", "ce_specversion", "ce_source", "ce_subject",
                        "ce_time", "content-type");
        JsonNode value = json.readTree(transfer.value());
        assertThat(value.path("isrc").asText()).isEqualTo(song.value());
        assertThat(value.path("previousOwner").asText()).isEqualTo("Label One");
        assertThat(value.path("newOwner").asText()).isEqualTo("Label Two");
        assertThat(value.path("effectiveDate").asText()).isEqualTo("2026-03-01");
        assertThat(new String(transfer.value())).doesNotContain("feed-test", "actor", "correlationId", "traceId");
    }

    /** The feed publishes the stored JSON as it is: it must be the document the feed's mapper writes of the event. */
    @Test
    void eachEventsJsonIsWhatTheFeedsMapperWritesOfTheEvent() throws IOException {
        List<ConsumerRecord<String, byte[]>> records = allEvents();
        ObjectMapper feedJson = KafkaFeedConfiguration.feedJson();
        Map<String, JsonNode> written = new LinkedHashMap<>();
        for (String subject : stored.keySet()) {
            eventStore.readEvents(subject).asStream()
                    .forEach(event -> written.put(event.getIdentifier(), feedJson.valueToTree(event.getPayload())));
        }

        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode expected = written.get(header(record, "ce_id"));
            if (expected != null) {
                assertThat(json.readTree(record.value())).as(header(record, "ce_type")).isEqualTo(expected);
            }
        }
        assertThat(written).hasSizeGreaterThan(20);
    }

    /** A revision-1 event is published as the current revision: upcast when read, without its holder (v3). */
    @Test
    void anEventStoredInAnOlderRevisionIsPublishedUpcast() throws IOException {
        PrefixCode old = fixtures.unusedPrefix();
        String id = fixtures.storeRevision1PrefixRegistered(old, "Disques Nordet");

        ConsumerRecord<String, byte[]> record = read("isrc-registry.events", Map.of(old.value(), Set.of(id))).stream()
                .filter(r -> id.equals(header(r, "ce_id"))).findFirst().orElseThrow();

        assertThat(header(record, "ce_type")).isEqualTo("org.isrc-registry.PrefixRegistered.v3");
        JsonNode event = json.readTree(record.value());
        assertThat(event.path("prefixCode").asText()).isEqualTo(old.value());
        assertThat(event.has("registrant")).as("who holds a prefix is not public").isFalse();
        assertThat(new String(record.value())).doesNotContain("Disques Nordet");
        assertThat(FeedSchemas.errors(header(record, "ce_type"), record.value())).isEmpty();
    }

    @Test
    void theRecordingsTopicHoldsTheLatestStateOfEachRecording() throws IOException {
        Map<String, Set<String>> lastEvents = Stream.of(song, corrected, remix, duplicate, imported)
                .collect(Collectors.toMap(Isrc::value, i -> Set.of(last(stored.get(i.value())))));
        List<ConsumerRecord<String, byte[]>> records = read("isrc-registry.recordings", lastEvents);
        Map<String, JsonNode> latest = latestByKey(records);

        JsonNode songState = latest.get(song.value());
        assertThat(songState.path("owner").asText()).isEqualTo("Label Two");
        assertThat(songState.path("ownerSince").asText()).isEqualTo("2026-03-01");
        assertThat(songState.path("distributor").asText()).isEqualTo("Distro North");
        assertThat(songState.path("releases").path(0).path("code").asText()).isEqualTo("036000291452");
        assertThat(songState.path("works").path(0).asText()).isEqualTo("T0345246801");
        assertThat(songState.path("children").path(0).asText()).isEqualTo(remix.value());
        assertThat(songState.path("version").asLong()).isEqualTo(stored.get(song.value()).size() - 1);
        assertThat(latest.get(remix.value()).path("parent").asText()).isEqualTo(song.value());
        assertThat(latest.get(remix.value()).path("versionReason").path("change").asText()).isEqualTo("REMIX");
        assertThat(latest.get(corrected.value()).path("title").asText()).isEqualTo("Southern Feed");
        assertThat(latest.get(corrected.value()).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(latest.get(duplicate.value()).path("possibleDuplicates").get(0).asText()).isEqualTo(song.value());
        assertThat(latest.get(imported.value()).path("display").asText()).endsWith("-99-00042");
        ConsumerRecord<String, byte[]> songRecord = records.stream().filter(r -> song.value().equals(r.key()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(header(songRecord, "ce_type")).isEqualTo("org.isrc-registry.RecordingState.v1");
        assertThat(header(songRecord, "ce_id")).isEqualTo(last(stored.get(song.value())));
    }

    @Test
    void thePrefixesTopicHoldsTheLatestStateOfThePrefix() throws IOException {
        Map<String, JsonNode> latest = latestByKey(read("isrc-registry.prefixes",
                Map.of(prefix.value(), Set.of(reinstated))));

        JsonNode state = latest.get(prefix.value());
        assertThat(state.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(state.path("display").asText()).isEqualTo(prefix.display());
        assertThat(state.has("registrant")).as("who holds a prefix is not public").isFalse();
        assertThat(state.path("range").path("last").asInt()).isEqualTo(99_999);
        assertThat(state.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void everyEventTypeHasASchemaAndEveryTypeProducedWasValidated() {
        allEvents();
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(RegistryEvent.class));
        Set<String> eventTypes = scanner.findCandidateComponents("org.isrcregistry.core").stream()
                .map(d -> typeOf(d.getBeanClassName())).collect(Collectors.toSet());

        assertThat(eventTypes).hasSize(22);
        for (String type : eventTypes) {
            assertThat(FeedSchemas.schemaFile(type)).as(type).exists();
            assertThat(FeedSchemas.VALIDATED).as("messages of %s validated", type).containsKey(type);
        }
        assertThat(FeedSchemas.VALIDATED).containsKeys("org.isrc-registry.RecordingState.v1",
                "org.isrc-registry.PrefixState.v2");
        assertThat(FeedSchemas.VIOLATIONS).isEmpty();
    }

    @Test
    void anEventWhoseStateCannotBeFoldedIsStillPublishedAndTheFeedGoesOn() {
        PrefixCode other = fixtures.newPrefix();
        Isrc orphan = Isrc.parse(other.value() + "9899999");
        eventStore.publish(new GenericDomainEventMessage<>("Recording", orphan.value(), 0,
                new OwnershipTransferred(orphan, "Nobody", "Somebody", LocalDate.of(2026, 1, 1))));
        Isrc after = fixtures.assign(other, "After The Orphan");

        Map<String, Set<String>> expected = Map.of(orphan.value(), Set.copyOf(fixtures.eventIds(orphan.value())),
                after.value(), Set.copyOf(fixtures.eventIds(after.value())));
        assertThat(read("isrc-registry.events", expected)).isNotEmpty();
        assertThat(read("isrc-registry.recordings", Map.of(after.value(), expected.get(after.value()))))
                .noneMatch(r -> orphan.value().equals(r.key()));
    }

    @Test
    void aSchemaRefusesAMessageThatBreaksIt() throws IOException {
        byte[] bad = """
                {"isrc": "CA-K7Q-26-00001", "previousOwner": "A", "newOwner": "", "effectiveDate": "yesterday"}"""
                .getBytes();

        assertThat(FeedSchemas.errors("org.isrc-registry.OwnershipTransferred.v1", bad)).hasSize(3);
        assertThat(Files.list(FeedSchemas.DIRECTORY)).hasSize(27);
    }

    private static String typeOf(String className) {
        try {
            return "org.isrc-registry." + Class.forName(className).getSimpleName() + ".v"
                    + Class.forName(className).getAnnotation(org.axonframework.serialization.Revision.class).value();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, JsonNode> latestByKey(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            latest.put(record.key(), json.readTree(record.value()));
        }
        return latest;
    }

    private static String last(List<String> ids) {
        return ids.get(ids.size() - 1);
    }
}
