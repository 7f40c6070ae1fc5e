package org.isrcregistry.projections.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.isrcregistry.core.event.RegistryEvent;

/**
 * Turns a stored registry event, or the state it left, into a CloudEvents 1.0 message in the Kafka protocol binding's
 * binary mode: the attributes are {@code ce_*} headers, the value is the JSON document. The id is the stored event's
 * identifier, so a republished event carries the same id and consumers can deduplicate on it. Only the payload is
 * published: the events' metadata (actor, correlation and trace ids) is internal and stays in the registry.
 *
 * <p>An event's JSON is the payload as the event store holds it (after upcasting to the current revision), not written
 * again: Axon's event serializer has the feed's settings ({@link KafkaFeedConfiguration#feedJson()}), so re-writing the
 * deserialized event would give the same document at twice the cost. The headers are written here rather than by the
 * CloudEvents SDK's serializer, which formats each attribute through a generic writer (a tenth of the feed's CPU).
 */
final class CloudEventMapper {

    static final String TYPE_PREFIX = "org.isrc-registry.";
    private static final Header SPEC_VERSION = header("ce_specversion", "1.0");
    private static final Header CONTENT_TYPE = header("content-type", "application/json");
    /** {@code org.isrc-registry.IsrcAssigned.v1}: the event's name and its schema revision. */
    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            Revision revision = type.getAnnotation(Revision.class);
            return TYPE_PREFIX + type.getSimpleName() + ".v" + (revision == null ? "1" : revision.value());
        }
    };

    private final ObjectMapper json;
    private final Serializer eventSerializer;
    private final Header source;

    CloudEventMapper(ObjectMapper json, Serializer eventSerializer, URI source) {
        this.json = json;
        this.eventSerializer = eventSerializer;
        this.source = header("ce_source", source.toString());
    }

    ProducerRecord<String, byte[]> event(String topic, EventMessage<?> message, RegistryEvent event) {
        // A stored message hands out its stored bytes; one not (yet) stored is written by the same serializer.
        byte[] data = message.serializePayload(eventSerializer, byte[].class).getData();
        return record(topic, message.getIdentifier(), typeOf(event.getClass()), event.subject(),
                DateTimeUtils.formatInstant(message.getTimestamp()), data);
    }

    /** The state after the event {@code eventId}; its type names the state's record, e.g. {@code RecordingState.v1}. */
    ProducerRecord<String, byte[]> state(String topic, String eventId, String subject, Instant time, Object state) {
        return record(topic, eventId, TYPES.get(state.getClass()), subject, DateTimeUtils.formatInstant(time),
                serialize(state));
    }

    /** {@code time}: RFC 3339, as the event store writes it. */
    ProducerRecord<String, byte[]> record(String topic, String id, String type, String subject, String time,
                                          byte[] data) {
        List<Header> headers = List.of(SPEC_VERSION, header("ce_id", id), header("ce_type", type), source,
                header("ce_subject", subject), header("ce_time", time), CONTENT_TYPE);
        return new ProducerRecord<>(topic, null, subject, data, headers);
    }

    static String typeOf(Class<?> eventType) {
        return TYPES.get(eventType);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] serialize(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }
}
