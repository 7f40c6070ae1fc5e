package org.isrcregistry.api.feed;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.isrcregistry.api.BatchOfOne;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.isrcregistry.core.event.RegistryEvent;
import org.isrcregistry.core.event.RestrictedEvent;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.registrant.RegisterRegistrant;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.api.KafkaTestConsumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Commands straight through Axon's gateway (as the HTTP API sends them), and what the store and topics hold. */
final class FeedFixtures {

    private static final String CODE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;

    FeedFixtures(CommandGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    <R> R send(Object command) {
        return gateway.sendAndWait(command, MetaData.from(Map.of("actor", "feed-test", "correlationId", "feed-1")));
    }

    /** A newly registered prefix of its own, so tests sharing the store never meet. */
    PrefixCode newPrefix() {
        PrefixCode prefix = unusedPrefix();
        RegistrantId registrant = send(new RegisterRegistrant(RegistrantId.random(), new RegistrantDetails(
                "Feed Test " + prefix.value(), List.of(), prefix.countryCode()), RegistrantKind.PRODUCER, null, null));
        send(RegisterPrefix.withCode(prefix, registrant));
        return prefix;
    }

    /** The registrant holding the prefix, from the lookup written with its events. */
    RegistrantId holderOf(PrefixCode prefix) {
        return RegistrantId.parse(jdbc.queryForObject(
                "SELECT registrant_id::text FROM lookup_prefix_code WHERE prefix_code = ?", String.class, prefix.value()));
    }

    /** A prefix code under Iceland's letters, with a random registrant code, that has no stream in the store yet. */
    PrefixCode unusedPrefix() {
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String code = "IS" + random.ints(3, 0, CODE_CHARACTERS.length())
                    .mapToObj(i -> String.valueOf(CODE_CHARACTERS.charAt(i))).collect(Collectors.joining());
            PrefixCode prefix = PrefixCode.parse(code);
            if (jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                    Integer.class, prefix.value()) == 0) {
                return prefix;
            }
        }
    }

    /**
     * A {@code PrefixRegistered} of revision 1 (the registrant a plain name), written into the store as the registry
     * wrote it before revision 2; the feed reads it upcast. Its event id.
     */
    String storeRevision1PrefixRegistered(PrefixCode prefix, String registrant) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Prefix', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), '1', ?, ?)""",
                prefix.value(), id, """
                {"prefixCode":"%s","registrant":"%s","range":{"first":0,"last":99999}}"""
                        .formatted(prefix.value(), registrant), PrefixRegistered.class.getName(),
                "2024-05-01T10:00:00.000Z");
        return id;
    }

    Isrc assign(PrefixCode prefix, String title) {
        IsrcRegistration registration = BatchOfOne.registration(send(BatchOfOne.assign(prefix, details(title, null))));
        return registration.isrc();
    }

    static RecordingDetails details(String title, String versionTitle) {
        return new RecordingDetails(new RecordingMetadata(title, versionTitle, "The Feed Testers", List.of(),
                RecordingDuration.ofMillis(200_000), RecordingKind.AUDIO, null), "Label One", null, null, null);
    }

    /** The stored public events of one aggregate (those of the events topic), in commit order. */
    List<String> eventIds(String aggregate) {
        return jdbc.query("SELECT eventidentifier, payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY globalindex", (rs, n) -> isPublic(rs.getString(2)) ? rs.getString(1) : null, aggregate)
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Whether events of this stored type go to the events topic: registry events, but for those of the restricted
     * registrants topic (the agency's own events, such as conflicts, are on no topic).
     */
    static boolean isPublic(String payloadType) {
        try {
            // Not every stored event is a registry event: the conflict queue's are the agency's work, never on the feed.
            Class<?> type = Class.forName(payloadType);
            return RegistryEvent.class.isAssignableFrom(type) && !RestrictedEvent.class.isAssignableFrom(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ce_ids of a key's records in arrival order, a repeated one (a republication) kept at its first place. */
    static List<String> firstArrivals(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> KafkaTestConsumer.header(r, "ce_id"))
                .distinct().toList();
    }

    static boolean hasAll(List<ConsumerRecord<String, byte[]>> records, String key, Set<String> ids) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> KafkaTestConsumer.header(r, "ce_id"))
                .collect(Collectors.toSet()).containsAll(ids);
    }
}
