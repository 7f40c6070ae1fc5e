package org.isrcregistry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * Everything the harness knows about the registry's HTTP API: paths, request bodies, and the fields it reads back.
 * When the API changes, this is the one class to adjust.
 */
final class RegistryApi {

    static final String PREFIXES = "/v1/prefixes";
    /** Every read model with its progress: a JSON array of {@code {"name": ...}}. */
    static final String PROJECTIONS = "/v1/admin/projections";
    static final String FEED_REPLAY = "/v1/admin/feed/replay";
    static final String HEALTH = "/actuator/health/readiness";
    /** 200 once the feed's broker answers, 503 while it does not. */
    static final String KAFKA_HEALTH = "/actuator/health/kafka";
    static final String PROMETHEUS = "/actuator/prometheus";
    static final String HEAP_USED = "/actuator/metrics/jvm.memory.used?tag=area:heap";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryApi() {
    }

    static String registerPrefix(String prefixDisplay) {
        return """
                {"prefix":"%s","registrant":{"name":"Bench registrant %s"}}""".formatted(prefixDisplay, prefixDisplay);
    }

    /** {@code QZA00} as {@code QZ-A00}, the form the examples use. */
    static String display(String prefixCode) {
        return prefixCode.substring(0, 2) + "-" + prefixCode.substring(2);
    }

    static String prefix(String prefixCode) {
        return PREFIXES + "/" + display(prefixCode);
    }

    static String assign(String prefixCode) {
        return prefix(prefixCode) + "/recordings";
    }

    static String recording(String isrc) {
        return "/v1/recordings/" + isrc;
    }

    /** Rebuilds one read model in the background: {@code 202}. */
    static String rebuild(String projection) {
        return PROJECTIONS + "/" + projection + "/rebuild";
    }

    static List<String> projectionNames(String body) {
        List<String> names = new java.util.ArrayList<>();
        tree(body).forEach(node -> names.add(node.path("name").asText()));
        return names;
    }

    static String imports(String prefixCode) {
        return assign(prefixCode) + "/imports";
    }

    /** The metadata of the n-th recording a client asks for: distinct titles, so no duplicate warnings pile up. */
    static String recordingMetadata(String title) {
        return """
                {"title":"%s","versionTitle":null,"mainArtist":"Bench Artist","contributors":[{"name":"Bench Artist","role":"MainArtist"}],\
                "duration":"PT3M18S","kind":"AUDIO","firstPublished":"2026-01-01","owner":"Bench Records","distributor":null,"fingerprint":null}"""
                .formatted(title);
    }

    /** One NDJSON import row: an existing code and its recording. */
    static String importRow(String isrc, String title) {
        String metadata = recordingMetadata(title);
        return "{\"isrc\":\"" + isrc + "\"," + metadata.substring(1);
    }

    static String importBody(List<String> isrcs, String titlePrefix) {
        StringBuilder out = new StringBuilder(isrcs.size() * 320);
        for (String isrc : isrcs) {
            out.append(importRow(isrc, titlePrefix + " " + isrc)).append('\n');
        }
        return out.toString();
    }

    static final String NDJSON = "application/x-ndjson";

    /** The assigned code in an assignment's response body. */
    static String assignedIsrc(String body) {
        return field(body, "isrc").orElseThrow(() -> new IllegalStateException("No isrc in the response: " + body));
    }

    /** The code a lookup answered for. */
    static Optional<String> lookedUpIsrc(String body) {
        return field(body, "isrc");
    }

    /**
     * An import's progress, from the import's {@code 202} or a {@code GET} on its Location: {@code status}
     * (RUNNING, COMPLETED, FAILED), {@code total}, {@code done}, {@code registered}, {@code alreadyRegistered},
     * {@code refused}.
     */
    record ImportProgress(boolean done, long total, long processed, long registered, long refused) {

        static ImportProgress of(String body) {
            JsonNode node = tree(body);
            JsonNode counts = node.has("counts") ? node.get("counts") : node;
            long total = number(node, "total", "rows", "totalRows");
            long registered = number(counts, "registered");
            long already = number(counts, "alreadyRegistered");
            long refused = number(counts, "refused");
            long processed = Math.max(number(node, "done", "processed"), registered + already + refused);
            String status = text(node, "status", "state").toLowerCase();
            if (status.equals("failed")) {
                throw new IllegalStateException("The import failed: " + body.substring(0, Math.min(500, body.length())));
            }
            boolean done = status.matches("done|completed|complete|finished|succeeded")
                    || (total > 0 && processed >= total);
            return new ImportProgress(done, total, processed, registered + already, refused);
        }
    }

    /** The body of {@code POST /v1/admin/feed/replay} that republishes to {@code topic}. */
    static String replayTo(String topic) {
        return JSON.createObjectNode().put("topic", topic).toString();
    }

    /** A feed replay's status ({@code GET /v1/admin/feed/replay}): RUNNING, DONE or FAILED, head, published. */
    record Replay(String state, long head, long published) {

        static Replay of(String body) {
            JsonNode node = tree(body);
            return new Replay(text(node, "state"), number(node, "head"), number(node, "published"));
        }

        boolean running() {
            return "RUNNING".equals(state);
        }

        boolean done() {
            return "DONE".equals(state);
        }
    }

    private static Optional<String> field(String body, String name) {
        JsonNode node = tree(body);
        return node.hasNonNull(name) ? Optional.of(node.get(name).asText()) : Optional.empty();
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + body.substring(0, Math.min(200, body.length())), e);
        }
    }

    private static long number(JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name) && node.get(name).canConvertToLong()) {
                return node.get(name).asLong();
            }
        }
        return 0;
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name)) {
                return node.get(name).asText();
            }
        }
        return "";
    }
}
