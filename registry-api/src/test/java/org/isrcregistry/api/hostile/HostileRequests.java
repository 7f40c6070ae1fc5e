package org.isrcregistry.api.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests as a hostile client would send them, from the registry's own OpenAPI document: for each
 * operation a valid request (path parameters from the fixtures, a body built from the request schema), then one to
 * three mutations of it: hostile text (lone surrogates, control characters, 100,000 characters, bidi controls),
 * numbers out of range or of the wrong sign, extreme dates, wrong JSON types, nulls, unknown and missing fields,
 * duplicate keys, trailing data, deep nesting, broken UTF-8, unusable Accept or Content-Type headers, bad or missing
 * tokens. Seeded: a failure names the seed that repeats the run.
 */
final class HostileRequests {

    /** One operation of the OpenAPI document. */
    record Operation(String method, String path, JsonNode operation) {

        boolean changes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A request ready to send; the body is raw bytes, so that it may be anything. */
    record Request(Operation operation, String method, String uri, Map<String, String> headers, byte[] body,
                   List<String> mutations) {

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + (uri.length() > 300 ? uri.substring(0, 300) + "..." : uri) + " " + headers
                    + " mutations=" + mutations + " body=" + text;
        }
    }

    /** Values the fixtures provide for path parameters and valid bodies. */
    record Fixtures(String prefix, List<String> isrcs, String readModel) {
    }

    static final List<String> HOSTILE_TEXT = List.of("", " ", "\u0000", "x\ud800y", "\udc00", "\ud83c", "bell\u0007",
            "a\u0085b", "esc\u001b[31m", "tab\there", "line\nbreak", "\u202eevil", "\ufeff", "\ufffe", "\ud83c\udfb5",
            "ﬀ", "null", "true", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1--", "%00", "\\", "\"",
            "{\"a\":1}", "a".repeat(501), "é".repeat(300), "x".repeat(100_000), "CA-K7Q-26-00001", "PT0S", "-PT1S",
            "PT-0.001S", "0", "-1", "1e309", "0000-01-01", "+10000-01-01", "-0001-12-31", "1876-12-31",
            "+999999999-12-31T23:59:59Z", "2026-02-30", "NaN", "Infinity", "DE-WZZ", "ZZ-ZZZ", "AUDIO", "agency");
    static final List<String> HOSTILE_QUERY = HOSTILE_TEXT.stream().filter(text -> text.length() < 1_000).toList();
    static final List<String> HOSTILE_JSON = List.of("null", "true", "-1", "0", "-0.001", "0.0", "1e309",
            "-9223372036854775809", "99999999999999999999999", "1.5", "[]", "{}", "[null]", "[[[]]]", "{\"$ref\":1}",
            "86401", "\"\"");
    static final List<String> UNUSABLE_ACCEPT = List.of("text/html", ";;;", "*/*;q=0", "application/xml",
            "application/json;q=0", "text/*", "image/png, text/html;q=0.9");
    static final List<String> HOSTILE_CONTENT_TYPE = List.of("text/plain", "application/xml", "text/csv",
            "application/json;charset=latin1", "multipart/form-data; boundary=x", ";;;", "application/x-ndjson");
    static final List<String> PATH_TEXT = List.of("ZZ", "0", "-1", "nothing", "CA K7Q 26 00001", "ISRC CA-K7Q-26-00001",
            "CAK7Q2600001CAK7Q2600002", "éàü", "a".repeat(300), "null", "'", "\"", "<x>", "DE-W", "US-S1Z-99-00013",
            UUID.randomUUID().toString());

    private final JsonNode api;
    private final Fixtures fixtures;
    private final String token;
    private final Random random;

    HostileRequests(JsonNode api, Fixtures fixtures, String token, long seed) {
        this.api = api;
        this.fixtures = fixtures;
        this.token = token;
        this.random = new Random(seed);
    }

    static List<Operation> operations(JsonNode api) {
        List<Operation> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
            }
        }));
        return operations;
    }

    /** A valid request for the operation, or a mutated one (most of the time). */
    Request next(Operation operation) {
        List<String> mutations = new ArrayList<>();
        boolean hostile = random.nextInt(5) > 0;
        String uri = uri(operation, hostile && random.nextInt(4) == 0, mutations);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        byte[] body = null;
        JsonNode content = operation.operation().path("requestBody").path("content");
        if (content.has("application/json")) {
            headers.put("Content-Type", "application/json");
            JsonText value = value(content.path("application/json").path("schema"), null);
            if (hostile) {
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    value = mutate(value, content.path("application/json").path("schema"), mutations);
                }
            }
            body = bytes(render(value), hostile, mutations);
        } else if (content.size() > 0) {
            String type = content.fieldNames().next();
            headers.put("Content-Type", type);
            body = importRows(type, hostile, mutations).getBytes(StandardCharsets.UTF_8);
        }
        if (hostile) {
            headerMutation(operation, headers, body != null, mutations);
        }
        if (!hostile || random.nextBoolean()) {
            headers.put("Idempotency-Key", random.nextInt(10) == 0 ? "x".repeat(300) : UUID.randomUUID().toString());
        }
        return new Request(operation, operation.method(), uri, headers, body, mutations);
    }

    private String uri(Operation operation, boolean hostile, List<String> mutations) {
        StringBuilder uri = new StringBuilder();
        for (String part : operation.path().split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            uri.append('/');
            if (part.startsWith("{")) {
                String name = part.substring(1, part.length() - 1);
                String value = hostile ? pick(PATH_TEXT) : pathValue(name);
                if (hostile) {
                    mutations.add("path " + name);
                }
                uri.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            } else {
                uri.append(part);
            }
        }
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.operation().path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextInt(3) == 0) {
                // Not the longest texts: a request line over Tomcat's 8 KB is the container's refusal, not the API's.
                String value = random.nextBoolean() ? pick(HOSTILE_QUERY)
                        : text(parameter.path("name").asText(), parameter.path("schema"));
                mutations.add("query " + parameter.path("name").asText());
                query.add(parameter.path("name").asText() + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return query.isEmpty() ? uri.toString() : uri + "?" + String.join("&", query);
    }

    private String pathValue(String name) {
        return switch (name) {
            case "prefix" -> fixtures.prefix();
            case "isrc" -> pick(fixtures.isrcs());
            case "name" -> fixtures.readModel();
            default -> UUID.randomUUID().toString();
        };
    }

    private void headerMutation(Operation operation, Map<String, String> headers, boolean hasBody,
                                List<String> mutations) {
        switch (random.nextInt(8)) {
            case 0 -> {
                if (operation.changes()) {
                    headers.put("Accept", pick(UNUSABLE_ACCEPT));
                    mutations.add("accept");
                }
            }
            case 1 -> {
                if (hasBody) {
                    headers.put("Content-Type", pick(HOSTILE_CONTENT_TYPE));
                    mutations.add("content-type");
                }
            }
            case 2 -> {
                headers.remove("Authorization");
                mutations.add("anonymous");
            }
            case 3 -> {
                headers.put("Authorization", "Bearer isrc_" + UUID.randomUUID());
                mutations.add("unknown token");
            }
            default -> {
            }
        }
    }

    /** A value the schema accepts, as far as the schema says (fixtures fill in what it cannot). */
    private JsonText value(JsonNode schema, String name) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return JsonText.text(resolved.path("enum").get(random.nextInt(resolved.path("enum").size())).asText());
        }
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                var object = JsonText.object();
                Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (required(resolved, property.getKey()) || random.nextBoolean()) {
                        object.set(property.getKey(), value(property.getValue(), property.getKey()));
                    }
                }
                yield object;
            }
            case "array" -> {
                var array = JsonText.array();
                int size = 1 + random.nextInt(2);
                for (int i = 0; i < size; i++) {
                    array.add(resolved.path("items").isMissingNode() ? JsonText.text("Fuzz")
                            : value(resolved.path("items"), name));
                }
                yield array;
            }
            case "integer", "number" -> JsonText.number(String.valueOf(1 + random.nextInt(5)));
            case "boolean" -> JsonText.bool(random.nextBoolean());
            default -> JsonText.text(text(name, resolved));
        };
    }

    private String text(String name, JsonNode schema) {
        String format = schema.path("format").asText();
        if ("date".equals(format) || (name != null && (name.endsWith("Date") || name.equals("firstPublished")))) {
            return "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
        }
        if ("date-time".equals(format) || "expiresAt".equals(name) || "asOf".equals(name)) {
            return "2030-01-01T00:00:00Z";
        }
        if ("uuid".equals(format)) {
            return UUID.randomUUID().toString();
        }
        return switch (name == null ? "" : name) {
            case "prefix", "prefixes" -> fixtures.prefix();
            case "isrc", "duplicateOf", "audioIsrc", "codes" -> pick(fixtures.isrcs());
            case "duration" -> "PT" + (1 + random.nextInt(9)) + "M" + random.nextInt(60) + "S";
            case "iswc" -> "T-034.524.680-1";
            case "code" -> "036000291452";
            case "fingerprint" -> "%016x".formatted(random.nextLong()).repeat(4);
            case "territories", "countryCode" -> "CA";
            case "topic" -> "isrc-registry.fuzz";
            default -> "Fuzz " + Integer.toString(random.nextInt(1_000_000), 36);
        };
    }

    private JsonText mutate(JsonText value, JsonNode schema, List<String> mutations) {
        if (value instanceof JsonText.JsonObject object && !object.fields().isEmpty() && random.nextInt(4) > 0) {
            List<String> names = new ArrayList<>(object.fields().keySet());
            String name = names.get(random.nextInt(names.size()));
            JsonNode property = resolve(resolve(schema).path("properties").path(name));
            switch (random.nextInt(6)) {
                case 0 -> {
                    object.fields().remove(name);
                    mutations.add("drop " + name);
                }
                case 1 -> {
                    object.set(name, mutate(object.fields().get(name), property, mutations));
                }
                default -> {
                    boolean text = random.nextInt(3) > 0;
                    object.set(name, text ? JsonText.text(pick(HOSTILE_TEXT)) : JsonText.raw(pick(HOSTILE_JSON)));
                    mutations.add((text ? "text " : "json ") + name);
                }
            }
            return object;
        }
        if (value instanceof JsonText.JsonArray array && random.nextBoolean()) {
            array.add(random.nextBoolean() ? JsonText.raw("null") : JsonText.text(pick(HOSTILE_TEXT)));
            mutations.add("array element");
            return array;
        }
        if (random.nextInt(5) == 0) {
            mutations.add("unknown field");
            return value instanceof JsonText.JsonObject object ? object.set("unknown", JsonText.raw("1")) : value;
        }
        mutations.add("whole value");
        return random.nextBoolean() ? JsonText.text(pick(HOSTILE_TEXT)) : JsonText.raw(pick(HOSTILE_JSON));
    }

    /** The document's text, then perhaps broken as a document: duplicate keys, trailing data, nesting, bytes. */
    private byte[] bytes(String json, boolean hostile, List<String> mutations) {
        if (!hostile || random.nextInt(3) > 0) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        switch (random.nextInt(7)) {
            case 0 -> {
                int colon = json.indexOf("\":");
                if (json.startsWith("{\"") && colon > 0) {
                    int end = json.indexOf(',', colon);
                    String first = json.substring(1, end > 0 ? end : json.length() - 1);
                    mutations.add("duplicate key");
                    return ("{" + first + "," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
                }
                return json.getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                mutations.add("trailing data");
                return (json + (random.nextBoolean() ? " {}" : " x")).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                mutations.add("deep nesting");
                int depth = 50 + random.nextInt(5_000);
                return ("{\"x\": " + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                mutations.add("truncated");
                return json.substring(0, random.nextInt(Math.max(1, json.length()))).getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                mutations.add("broken UTF-8");
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                if (bytes.length > 2) {
                    bytes[1 + random.nextInt(bytes.length - 2)] = (byte) (0x80 + random.nextInt(0x7f));
                }
                return bytes;
            }
            case 5 -> {
                mutations.add("empty body");
                return new byte[0];
            }
            default -> {
                mutations.add("not JSON");
                return pick(HOSTILE_TEXT).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private String importRows(String type, boolean hostile, List<String> mutations) {
        String code = fixtures.prefix().replace("-", "") + "1" + (1000 + random.nextInt(9000));
        String title = hostile ? pick(HOSTILE_TEXT) : "Imported";
        if (hostile) {
            mutations.add("import row");
        }
        if (type.contains("csv")) {
            return "isrc,title,mainArtist,duration,kind,owner\n" + code + "," + title.replace(",", ";") + ",Ariane,"
                    + (hostile ? pick(List.of("PT0S", "-1", "0", "PT3M")) : "PT3M") + ",AUDIO,Nordet\n";
        }
        return "{\"isrc\": \"" + code + "\", \"title\": " + JsonText.text(title).render()
                + ", \"mainArtist\": \"Ariane\", \"duration\": " + (hostile ? pick(HOSTILE_JSON) : "\"PT3M\"")
                + ", \"kind\": \"AUDIO\", \"owner\": \"Nordet\"}\n";
    }

    private static String render(JsonText value) {
        return value.render();
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        for (int i = 0; i < 10 && resolved.has("$ref"); i++) {
            String ref = resolved.path("$ref").asText();
            resolved = api.at(ref.substring(1));
        }
        if (resolved.has("allOf") && resolved.path("allOf").size() == 1) {
            return resolve(resolved.path("allOf").get(0));
        }
        return resolved;
    }

    private static boolean required(JsonNode schema, String property) {
        for (JsonNode name : schema.path("required")) {
            if (name.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
