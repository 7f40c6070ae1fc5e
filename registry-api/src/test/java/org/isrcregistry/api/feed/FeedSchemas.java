package org.isrcregistry.api.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON Schemas in {@code docs/schemas}, one per CloudEvents type ({@code org.isrc-registry.IsrcAssigned.v1} →
 * {@code IsrcAssigned.v1.json}), and what every message the tests produced looked like against them.
 */
public final class FeedSchemas {

    static final String TYPE_PREFIX = "org.isrc-registry.";
    static final Path DIRECTORY = locate();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://isrc-registry.org/schemas/",
                    DIRECTORY.toUri().toString())));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    /** Per CloudEvents type, the messages validated. */
    static final Map<String, AtomicLong> VALIDATED = new ConcurrentHashMap<>();
    static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    private FeedSchemas() {
    }

    static Path schemaFile(String ceType) {
        return DIRECTORY.resolve(ceType.substring(TYPE_PREFIX.length()) + ".json");
    }

    /** Errors of {@code data} against the schema of {@code ceType}; a missing schema is one. */
    static Set<ValidationMessage> errors(String ceType, byte[] data) throws IOException {
        JsonNode node = JSON.readTree(data);
        JsonSchema schema = SCHEMAS.computeIfAbsent(ceType, type -> FACTORY.getSchema(
                SchemaLocation.of(schemaFile(type).toUri().toString())));
        return schema.validate(node);
    }

    /** Records the outcome for every produced message; a test fails on {@link #VIOLATIONS}. */
    static void check(String topic, String key, String ceType, byte[] data) {
        try {
            if (ceType == null || !ceType.startsWith(TYPE_PREFIX) || !Files.exists(schemaFile(ceType))) {
                VIOLATIONS.add(topic + " " + key + ": no schema for type " + ceType);
                return;
            }
            Set<ValidationMessage> errors = errors(ceType, data);
            VALIDATED.computeIfAbsent(ceType, t -> new AtomicLong()).incrementAndGet();
            if (!errors.isEmpty()) {
                VIOLATIONS.add(topic + " " + key + " " + ceType + ": " + errors + " in " + new String(data));
            }
        } catch (IOException | RuntimeException e) {
            VIOLATIONS.add(topic + " " + key + " " + ceType + ": " + e);
        }
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/schemas"))) {
                return dir.resolve("docs/schemas");
            }
        }
        throw new UncheckedIOException(new IOException("docs/schemas not found above " + Path.of("").toAbsolutePath()));
    }
}
