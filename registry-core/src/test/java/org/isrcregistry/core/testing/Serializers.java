package org.isrcregistry.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

public final class Serializers {

    private Serializers() {
    }

    /** Axon's JacksonSerializer configured as the application's: dates as ISO-8601 strings. */
    public static JacksonSerializer jackson() {
        ObjectMapper objectMapper = new ObjectMapper().registerModule(new JavaTimeModule());
        objectMapper.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(objectMapper).build();
    }
}
