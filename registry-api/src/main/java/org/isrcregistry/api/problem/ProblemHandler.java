package org.isrcregistry.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what a client sent wrong into an RFC 9457 problem that names the field and the rule. Spring's own handler
 * covers the protocol errors (method, media type, missing parameter); the bodies are made precise here.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(ex.getCause()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String fields = ex.getFieldErrors().stream().map(e -> e.getField()).distinct().collect(Collectors.joining(", "));
        String detail = ex.getFieldErrors().stream().map(e -> e.getField() + ": " + e.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.of(ProblemType.INVALID_FIELD, detail, fields,
                "Correct the named fields and send the request again."));
    }

    private static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.of(ProblemType.MALFORMED_REQUEST,
                    "Unknown field '" + path(unknown) + "'; the registry refuses fields it does not know rather than"
                            + " ignore them. Known fields here: " + unknown.getKnownPropertyIds(),
                    path(unknown), "Remove the field or correct its name.");
        }
        if (cause instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            return invalidValue(path(invalid), invalid.getCause());
        }
        if (cause instanceof InvalidFormatException invalid) {
            return Problems.of(ProblemType.INVALID_FIELD, "Field '" + path(invalid) + "' has the value '"
                    + invalid.getValue() + "', which is not a valid " + invalid.getTargetType().getSimpleName(),
                    path(invalid), "Send a value of the documented type (see /v3/api-docs).");
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return Problems.of(ProblemType.INVALID_FIELD, "Field '" + path(mismatched) + "' has the wrong JSON type"
                    + (mismatched.getTargetType() == null ? "" : "; expected " + mismatched.getTargetType().getSimpleName()),
                    path(mismatched), "Send a value of the documented type (see /v3/api-docs).");
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException arg) {
            return invalidValue(path(mapping), arg);
        }
        if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
            return Problems.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: " + json.getOriginalMessage()
                    + " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")",
                    null, "Send a well-formed JSON document.");
        }
        return Problems.of(ProblemType.MALFORMED_REQUEST, "The request body is missing or cannot be read", null,
                "Send a JSON document as described in /v3/api-docs.");
    }

    /** A value the domain's own parsing refused (an ISRC, a prefix code, a duration ...): its reason is the detail. */
    static ProblemDetail invalidValue(String field, Throwable reason) {
        return Problems.of(ProblemType.INVALID_FIELD, "Field '" + field + "': " + reason.getMessage(), field,
                "Correct the value and send the request again.");
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
