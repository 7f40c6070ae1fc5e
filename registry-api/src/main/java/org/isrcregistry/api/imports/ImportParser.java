package org.isrcregistry.api.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.problem.ProblemHandler;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.isrcregistry.api.recording.RecordingRequest;
import org.isrcregistry.core.identifier.InvalidIdentifierException;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs.Registration;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Reads an import's rows (CSV with a header row, or NDJSON, one object per line) into registrations, each row on its
 * own: a row that cannot be read is refused with its reason, the others go on. Only a broken file (no header, an
 * unknown column, unbalanced CSV quotes, too many rows) refuses the whole import.
 */
@Component
class ImportParser {

    enum Format { CSV, NDJSON }

    /** One row: a registration, or the problem that refused it. Rows are numbered from 1, the header not counted. */
    record ParsedRow(int row, String isrc, Registration registration, ProblemDetail refusal) {
    }

    static final Set<String> CSV_COLUMNS = Set.of("isrc", "title", "versionTitle", "mainArtist", "duration", "kind",
            "firstPublished", "owner", "distributor", "fingerprint", "audioIsrc");

    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();
    private final Validator validator;

    ImportParser(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    List<ParsedRow> parse(byte[] content, Format format, PrefixCode prefix, int maxRows) {
        List<ObjectNode> nodes = format == Format.CSV ? csvRows(content, maxRows) : ndjsonRows(content, maxRows);
        List<ParsedRow> rows = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            rows.add(row(i + 1, nodes.get(i), prefix));
        }
        return rows;
    }

    private List<ObjectNode> csvRows(byte[] content, int maxRows) {
        try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(content)) {
            List<ObjectNode> rows = new ArrayList<>();
            boolean headerChecked = false;
            while (it.hasNextValue()) {
                Map<String, String> values = it.nextValue();
                if (!headerChecked) {
                    checkHeader(values.keySet());
                    headerChecked = true;
                }
                tooMany(rows.size() + 1, maxRows);
                ObjectNode node = json.createObjectNode();
                values.forEach((column, value) -> {
                    if (value != null && !value.isBlank()) {
                        node.put(column, value);
                    }
                });
                rows.add(node);
            }
            return rows;
        } catch (IOException e) {
            throw new InvalidFieldException("(body)", "The CSV cannot be read: " + e.getMessage(),
                    "Send CSV (RFC 4180) with a header row naming the columns " + CSV_COLUMNS + ".");
        }
    }

    private static void checkHeader(Set<String> columns) {
        Set<String> unknown = new LinkedHashSet<>(columns);
        unknown.removeAll(CSV_COLUMNS);
        if (!unknown.isEmpty() || !columns.contains("isrc")) {
            throw new InvalidFieldException("(header)", unknown.isEmpty() ? "The header row has no isrc column"
                    : "Unknown columns " + unknown + "; the registry refuses columns it does not know rather than ignore them",
                    "Name the columns in the header row from " + CSV_COLUMNS + " (isrc is required).");
        }
    }

    private List<ObjectNode> ndjsonRows(byte[] content, int maxRows) {
        List<ObjectNode> rows = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            tooMany(rows.size() + 1, maxRows);
            ObjectNode node;
            try {
                JsonNode read = json.readTree(line);
                node = read instanceof ObjectNode object ? object : json.createObjectNode().put("\u0000", line);
            } catch (JsonProcessingException e) {
                node = json.createObjectNode().put("\u0000", line);
            }
            rows.add(node);
        }
        return rows;
    }

    private static void tooMany(int rows, int maxRows) {
        if (rows > maxRows) {
            throw new TooManyRowsException(maxRows);
        }
    }

    private ParsedRow row(int row, ObjectNode node, PrefixCode prefix) {
        if (node.has("\u0000")) {
            return refused(row, null, Problems.of(ProblemType.MALFORMED_REQUEST, "The line is not a JSON object",
                    null, "Write one JSON object per line."));
        }
        JsonNode isrcNode = node.remove("isrc");
        String input = isrcNode == null ? null : isrcNode.asText();
        Isrc isrc;
        try {
            isrc = Isrc.parse(input);
        } catch (InvalidIdentifierException e) {
            return refused(row, input, ProblemHandler.identifierProblem("isrc", e));
        }
        if (!isrc.prefixCode().equals(prefix)) {
            return refused(row, input, Problems.of(ProblemType.RULE_REFUSED, isrc.display() + " is not under the"
                    + " prefix " + prefix.display() + " of this import", "isrc", "Import it under its own prefix."));
        }
        try {
            RecordingRequest request = json.treeToValue(node, RecordingRequest.class);
            Set<ConstraintViolation<RecordingRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                ConstraintViolation<RecordingRequest> first = violations.iterator().next();
                String field = first.getPropertyPath().toString();
                return refused(row, input, Problems.of(ProblemType.INVALID_FIELD, field + ": " + first.getMessage(),
                        field, "Correct the row and import it again."));
            }
            return new ParsedRow(row, input, new Registration(isrc, request.details()), null);
        } catch (JsonProcessingException e) {
            return refused(row, input, ProblemHandler.unreadable(e));
        } catch (RegistryRuleException e) {
            return refused(row, input, Problems.of(ProblemType.valueOf(e.kind().name()), e.getMessage(), e.field(),
                    e.action()));
        } catch (IllegalArgumentException e) {
            return refused(row, input, Problems.of(ProblemType.INVALID_FIELD, e.getMessage(), null,
                    "Correct the row and import it again."));
        }
    }

    private static ParsedRow refused(int row, String isrc, ProblemDetail problem) {
        return new ParsedRow(row, isrc, null, problem);
    }

    static final class TooManyRowsException extends RuntimeException {
        final int maxRows;

        TooManyRowsException(int maxRows) {
            super("more than " + maxRows + " rows");
            this.maxRows = maxRows;
        }
    }
}
