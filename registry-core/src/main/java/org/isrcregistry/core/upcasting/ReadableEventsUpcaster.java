package org.isrcregistry.core.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.isrcregistry.core.identifier.InvalidIdentifierException;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.input.Dates;
import org.isrcregistry.core.input.Text;

/**
 * Makes readable the events stored before the registry held every input to one rule (issue 11): the stored rows are
 * never rewritten, each is read as the rule would have accepted it. Any revision of any registry event:
 * <ul>
 * <li>a lone UTF-16 surrogate or a control character in a text becomes U+FFFD; a line break or tab in a one-line
 * field becomes a space; a text longer than its field's limit is cut to it;</li>
 * <li>a zero or negative duration ({@code PT0S}, {@code PT-0.001S}, from a JSON number) reads as {@code PT0.001S},
 * the shortest duration the registry holds;</li>
 * <li>a date of first publication outside 1877 to a year ahead reads as unknown (null, as if unpublished); an
 * effective date is brought into 1877 to 9999-12-31, which PostgreSQL and Jackson both represent.</li>
 * </ul>
 * The events concerned are found by a scan of their stored bytes; the others are not parsed.
 */
public class ReadableEventsUpcaster extends SingleEventUpcaster {

    private static final String REGISTRY_EVENTS = "org.isrcregistry.core.";
    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("title", Text.TITLE), Map.entry("versionTitle", Text.TITLE), Map.entry("mainArtist", Text.TITLE),
            Map.entry("description", Text.TITLE), Map.entry("name", Text.NAME), Map.entry("contact", Text.NAME),
            Map.entry("owner", Text.NAME), Map.entry("previousOwner", Text.NAME), Map.entry("newOwner", Text.NAME),
            Map.entry("distributor", Text.NAME), Map.entry("previousDistributor", Text.NAME),
            Map.entry("newDistributor", Text.NAME), Map.entry("role", Text.LABEL), Map.entry("format", Text.LABEL),
            Map.entry("legalName", Text.NAME), Map.entry("tradingNames", Text.NAME), Map.entry("reason", Text.REASON));
    private static final LocalDate LATEST_REPRESENTABLE = LocalDate.of(9999, 12, 31);
    private static final String SHORTEST = "PT0.001S";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getName().startsWith(REGISTRY_EVENTS) && suspicious(event.getData(byte[].class).getData());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(event.getType(), JsonNode.class, payload -> {
            readable(null, payload);
            return payload;
        });
    }

    private static void readable(String field, JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual()) {
                    object.set(name, readableText(name, value.asText()));
                } else {
                    readable(name, value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    array.set(i, readableText(field, value.asText()));
                } else {
                    readable(field, value);
                }
            }
        }
    }

    private static JsonNode readableText(String field, String text) {
        if ("duration".equals(field)) {
            return TextNode.valueOf(readableDuration(text));
        }
        if ("firstPublished".equals(field)) {
            LocalDate date = date(text);
            return date != null && (date.isBefore(Dates.EARLIEST) || date.isAfter(Dates.latest()))
                    ? null : TextNode.valueOf(text);
        }
        if ("effectiveDate".equals(field)) {
            LocalDate date = date(text);
            return date == null ? TextNode.valueOf(text) : TextNode.valueOf(
                    (date.isBefore(Dates.EARLIEST) ? Dates.EARLIEST
                            : date.isAfter(LATEST_REPRESENTABLE) ? LATEST_REPRESENTABLE : date).toString());
        }
        StringBuilder readable = new StringBuilder(text.length());
        boolean lineBreaks = "reason".equals(field);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                readable.append(c).append(text.charAt(++i));
            } else if (c == '\n' || c == '\r' || c == '\t') {
                readable.append(lineBreaks ? c : ' ');
            } else if (Character.isSurrogate(c) || Character.getType(c) == Character.CONTROL) {
                readable.append('\ufffd');
            } else {
                readable.append(c);
            }
        }
        Integer limit = LIMITS.get(field);
        String kept = readable.toString();
        if (limit != null && kept.codePointCount(0, kept.length()) > limit) {
            kept = kept.substring(0, kept.offsetByCodePoints(0, limit));
        }
        return TextNode.valueOf(kept);
    }

    private static String readableDuration(String text) {
        try {
            return RecordingDuration.parse(text).iso();
        } catch (InvalidIdentifierException e) {
            return e.reason().startsWith("is not positive") ? SHORTEST : text;
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Whether the stored JSON may hold what the rule now refuses: an escape (Jackson escapes control characters), a
     * byte sequence of an encoded surrogate, a zero or negative ISO duration, or a date string with a sign or a year
     * before 1877 or after next year. Cheap, and never false for an event that needs upcasting.
     */
    static boolean suspicious(byte[] json) {
        int nextYear = Dates.latest().getYear();
        for (int i = 0; i < json.length - 1; i++) {
            byte b = json[i];
            if (b == '\\') {
                byte escaped = json[i + 1];
                if (escaped != '"' && escaped != '\\' && escaped != '/') {
                    return true;
                }
                i++;
            } else if ((b & 0xff) == 0xED && ((json[i + 1] & 0xff) >= 0xA0)) {
                return true;
            } else if (b == '"') {
                if (startsWith(json, i + 1, "PT-") || startsWith(json, i + 1, "-P") || startsWith(json, i + 1, "PT0S\"")) {
                    return true;
                }
                byte first = json[i + 1];
                if ((first == '+' || first == '-') && i + 2 < json.length && digit(json[i + 2])) {
                    return true;
                }
                if (i + 11 < json.length && digits(json, i + 1, 4) && json[i + 5] == '-' && digits(json, i + 6, 2)
                        && json[i + 8] == '-' && digits(json, i + 9, 2) && json[i + 11] == '"') {
                    int year = (json[i + 1] - '0') * 1000 + (json[i + 2] - '0') * 100 + (json[i + 3] - '0') * 10
                            + (json[i + 4] - '0');
                    if (year < Dates.EARLIEST.getYear() || year > nextYear) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] json, int at, String text) {
        if (at + text.length() > json.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (json[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(byte[] json, int at, int count) {
        for (int i = at; i < at + count; i++) {
            if (!digit(json[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }
}
