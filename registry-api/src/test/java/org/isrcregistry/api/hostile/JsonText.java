package org.isrcregistry.api.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON written exactly as a hostile client means it: a string's lone surrogates and control characters as escapes,
 * numbers and literals as raw text (1e309 stays 1e309). Jackson's writer would repair or refuse some of them.
 */
sealed interface JsonText {

    String render();

    static JsonText text(String value) {
        return new Raw(quote(value));
    }

    static JsonText raw(String json) {
        return new Raw(json);
    }

    static JsonText number(String json) {
        return new Raw(json);
    }

    static JsonText bool(boolean value) {
        return new Raw(Boolean.toString(value));
    }

    static JsonObject object() {
        return new JsonObject(new LinkedHashMap<>());
    }

    static JsonArray array() {
        return new JsonArray(new ArrayList<>());
    }

    record Raw(String json) implements JsonText {
        @Override
        public String render() {
            return json;
        }
    }

    record JsonObject(Map<String, JsonText> fields) implements JsonText {
        JsonObject set(String name, JsonText value) {
            fields.put(name, value);
            return this;
        }

        @Override
        public String render() {
            StringBuilder json = new StringBuilder("{");
            fields.forEach((name, value) -> {
                if (json.length() > 1) {
                    json.append(", ");
                }
                json.append(quote(name)).append(": ").append(value.render());
            });
            return json.append('}').toString();
        }
    }

    record JsonArray(List<JsonText> items) implements JsonText {
        void add(JsonText item) {
            items.add(item);
        }

        @Override
        public String render() {
            StringBuilder json = new StringBuilder("[");
            for (JsonText item : items) {
                if (json.length() > 1) {
                    json.append(", ");
                }
                json.append(item.render());
            }
            return json.append(']').toString();
        }
    }

    private static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
                json.append("\\u%04x".formatted((int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
