package org.isrcregistry.projections.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** {@link RecordingState} as stored in {@code recording_view.state}: the public JSON representation. */
public final class RecordingJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A state stored by an older or newer version of the registry must still load.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RecordingJson() {
    }

    public static String write(RecordingState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of " + state.isrc(), e);
        }
    }

    public static RecordingState read(String json) {
        try {
            return MAPPER.readValue(json, RecordingState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored recording state", e);
        }
    }
}
