package org.isrcregistry.core.upcasting;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.testing.Serializers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isrcregistry.core.testing.Samples.PREFIX;

class PrefixRegisteredUpcasterTest {

    private final JacksonSerializer serializer = Serializers.jackson();

    @Test
    void readsARevision1EventWhoseRegistrantWasAPlainName() {
        String stored = """
                {"prefixCode":"CAK7Q","registrant":"Disques Nordet","range":{"first":0,"last":99999}}""";
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Prefix", "CAK7Q", 0, "event-1",
                Instant.parse("2024-05-01T10:00:00Z"), PrefixRegistered.class.getName(), "1", stored, "{}");

        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(entry), serializer, new PrefixRegisteredUpcaster());

        DomainEventMessage<?> event = events.next();
        assertThat(event.getPayload()).isEqualTo(new PrefixRegistered(PREFIX, DesignationRange.full()));
        assertThat(events.hasNext()).isFalse();
    }

    /** Exactly as the registry wrote it before registrants were records (revision 2, name and contact). */
    @Test
    void readsARevision2EventWithoutItsHolder() {
        String stored = """
                {"prefixCode":"CAK7Q","registrant":{"name":"Disques Nordet","contact":"isrc@nordet.ca"},\
                "range":{"first":10,"last":20}}""";
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Prefix", "CAK7Q", 0, "event-1",
                Instant.parse("2026-05-01T10:00:00Z"), PrefixRegistered.class.getName(), "2", stored, "{}");

        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(entry), serializer, new PrefixRegisteredUpcaster());

        assertThat(events.next().getPayload()).isEqualTo(new PrefixRegistered(PREFIX, new DesignationRange(10, 20)));
    }

    @Test
    void leavesTheCurrentRevisionAlone() {
        PrefixRegistered current = new PrefixRegistered(PREFIX, new DesignationRange(10, 20));
        var serialized = serializer.serialize(current, String.class);
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Prefix", "CAK7Q", 0, "event-2",
                Instant.parse("2026-05-01T10:00:00Z"), serialized.getType().getName(),
                serialized.getType().getRevision(), serialized.getData(), "{}");

        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(entry), serializer, new PrefixRegisteredUpcaster());

        assertThat(events.next().getPayload()).isEqualTo(current);
    }
}
