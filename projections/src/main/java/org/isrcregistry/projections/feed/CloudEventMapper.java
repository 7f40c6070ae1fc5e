package org.isrcregistry.projections.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RegistryEvent;

/**
 * Turns a stored registry event, or the state it left, into a CloudEvents 1.0 message. The id is the stored event's
 * identifier, so a republished event carries the same id and consumers can deduplicate on it. Only the payload is
 * published: the events' metadata (actor, correlation and trace ids) is internal and stays in the registry.
 */
final class CloudEventMapper {

    static final String TYPE_PREFIX = "org.isrc-registry.";

    private final ObjectMapper json;
    private final URI source;

    CloudEventMapper(ObjectMapper json, URI source) {
        this.json = json;
        this.source = source;
    }

    CloudEvent event(EventMessage<? extends RegistryEvent> message) {
        RegistryEvent event = message.getPayload();
        return cloudEvent(message.getIdentifier(), typeOf(event.getClass()), event.subject(), message.getTimestamp(),
                event);
    }

    /** The state after the event {@code eventId}; its type names the state's record, e.g. {@code RecordingState.v1}. */
    CloudEvent state(String eventId, String subject, Instant time, Object state) {
        return cloudEvent(eventId, TYPE_PREFIX + state.getClass().getSimpleName() + ".v1", subject, time, state);
    }

    private CloudEvent cloudEvent(String id, String type, String subject, Instant time, Object data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(serialize(data))
                .build();
    }

    /** {@code org.isrc-registry.IsrcAssigned.v1}: the event's name and its schema revision. */
    static String typeOf(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return TYPE_PREFIX + eventType.getSimpleName() + ".v" + (revision == null ? "1" : revision.value());
    }

    private byte[] serialize(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }
}
