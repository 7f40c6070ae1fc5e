package org.isrcregistry.projections.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.RegistryEvent;

/**
 * Turns a stored registry event into a CloudEvents 1.0 message. The id is the stored event's identifier, so a
 * republished event carries the same id and consumers can deduplicate on it.
 */
final class CloudEventMapper {

    static final String TYPE_PREFIX = "org.isrc-registry.";

    private final ObjectMapper json;
    private final URI source;

    CloudEventMapper(ObjectMapper json, URI source) {
        this.json = json;
        this.source = source;
    }

    CloudEvent toCloudEvent(EventMessage<? extends RegistryEvent> message) {
        RegistryEvent event = message.getPayload();
        return CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withType(typeOf(event.getClass()))
                .withSource(source)
                .withSubject(event.subject())
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(serialize(event))
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
            throw new IllegalStateException("Event " + value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }
}
