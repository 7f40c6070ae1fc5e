package org.isrcregistry.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * What the seeders write into the event store beside each payload, as the registry's own serializer would: the
 * payload's JSON (Jackson with the registry's date settings), the metadata every event carries (actor, correlation
 * and trace id) and the payload type's revision.
 */
final class SeedEvents {

    private static final ObjectMapper AXON_JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private SeedEvents() {
    }

    static String json(Object value) {
        try {
            return AXON_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The metadata of a seeded event: the harness as actor, {@code correlationId} as correlation and trace id. */
    static byte[] metadata(String correlationId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("actor", "isrc-bench");
        metadata.put("correlationId", correlationId);
        metadata.put("traceId", correlationId);
        return json(metadata).getBytes(StandardCharsets.UTF_8);
    }

    static String revision(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
