package org.isrcregistry.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.isrcregistry.api.config.StorableEvents.UnstorableEventException;
import org.isrcregistry.core.identifier.InvalidIdentifierException;
import org.isrcregistry.core.identifier.UnallocatedPrefixException;
import org.isrcregistry.core.input.InvalidInputException;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what a client sent wrong into an RFC 9457 problem that names the field and the rule. Spring's own handler
 * covers the protocol errors (method, media type, missing parameter); the bodies are made precise here.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

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

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName();
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidIdentifierException invalid) {
                return ResponseEntity.badRequest().body(identifierProblem(field, invalid));
            }
            if (cause instanceof InvalidInputException invalid) {
                return ResponseEntity.badRequest().body(invalidValue(field, invalid));
            }
        }
        return ResponseEntity.badRequest().body(Problems.of(ProblemType.INVALID_FIELD,
                "'" + ex.getValue() + "' is not a valid value for " + field, field,
                "Send a value of the documented type (see /v3/api-docs)."));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        String detail = ex.getAllErrors().stream().map(e -> e.getDefaultMessage()).collect(Collectors.joining("; "));
        String field = ex.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName()).distinct().collect(Collectors.joining(", "));
        return ResponseEntity.badRequest().body(Problems.of(ProblemType.INVALID_FIELD, field + ": " + detail, field,
                "Correct the named fields and send the request again."));
    }

    /** Spring's own problems (method, media type, missing resource ...) get this API's stable type URIs too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(ProblemType.forStatus(statusCode.value()).type());
            problem.setProperty("action", "See the API description at /v3/api-docs.");
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return refusal(e).orElseThrow();
    }

    /**
     * The problem for a refusal of what a client sent: a field the API refused, a rule of the registry, an invalid
     * identifier, a lost race. Empty for anything else. The console shows the same problems beside their fields.
     */
    public static Optional<ProblemDetail> refusal(RuntimeException e) {
        if (e instanceof InvalidFieldException invalid) {
            return Optional.of(Problems.of(ProblemType.INVALID_FIELD, invalid.getMessage(), invalid.field(),
                    invalid.action()));
        }
        if (e instanceof RegistryRuleException refused) {
            return Optional.of(Problems.of(ProblemType.valueOf(refused.kind().name()), refused.getMessage(),
                    refused.field(), refused.action()));
        }
        if (e instanceof InvalidIdentifierException invalid) {
            return Optional.of(identifierProblem(null, invalid));
        }
        if (e instanceof InvalidInputException invalid) {
            return Optional.of(invalidValue(invalid.field(), invalid));
        }
        if (e instanceof ConcurrencyException) {
            return Optional.of(Problems.of(ProblemType.CONFLICT, "The record was changed concurrently; nothing was"
                    + " stored", null, "Send the request again."));
        }
        return Optional.empty();
    }

    /**
     * Not client input: logged, and answered without internals. Nothing is half-stored (one transaction). The
     * database out of reach is no error of the registry's: 503 with Retry-After ({@link DatabaseUnreachable}).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnreachable.causedBy(e)) {
            log.warn("The database cannot be reached: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnreachable.RETRY_AFTER).body(DatabaseUnreachable.problem());
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(Problems.of(ProblemType.INTERNAL_ERROR, "The registry could not complete the request; nothing was"
                + " stored", null, "Retry later (with the same Idempotency-Key); report it if it persists."));
    }

    @ExceptionHandler(RegistryRuleException.class)
    ProblemDetail refused(RegistryRuleException e) {
        return refusal(e).orElseThrow();
    }

    @ExceptionHandler(InvalidIdentifierException.class)
    ProblemDetail invalidIdentifier(InvalidIdentifierException e) {
        return refusal(e).orElseThrow();
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(ProblemType.NOT_FOUND, e.getAggregateIdentifier() + " is not registered", "isrc",
                "Check the code, or register it first.");
    }

    /** A command that kept losing races with other nodes: the client may simply retry. */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail raced(ConcurrencyException e) {
        return refusal(e).orElseThrow();
    }

    /** A last guard (StorableEvents): nothing was stored. The detail names the event, not the internals. */
    @ExceptionHandler(UnstorableEventException.class)
    ProblemDetail unstorable(UnstorableEventException e) {
        log.warn("Refused a request whose event would not read back", e);
        return Problems.of(ProblemType.UNSTORABLE_INPUT, e.getMessage() + "; nothing was stored", null,
                "Check the request's values against /v3/api-docs (text must be well-formed Unicode) and send it again.");
    }

    /**
     * A parameter refused by method validation on a {@code @Validated} controller: named by its last path node
     * ({@code search.code} is {@code code}).
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        String fields = e.getConstraintViolations().stream().map(ProblemHandler::lastNode).distinct()
                .collect(Collectors.joining(", "));
        String detail = e.getConstraintViolations().stream().map(v -> lastNode(v) + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
        return Problems.of(ProblemType.INVALID_FIELD, detail, fields, "Correct the named fields and send the request again.");
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The domain's rule for text and dates, met while building a command from the request. */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return refusal(e).orElseThrow();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidArgument(IllegalArgumentException e) {
        return Problems.of(ProblemType.INVALID_FIELD, e.getMessage(), null,
                "Correct the request and send it again (see /v3/api-docs).");
    }

    /** A body (or an import row) Jackson could not read, explained on the field. */
    public static ProblemDetail unreadable(Throwable cause) {
        ProblemDetail malformed = malformedDocument(cause);
        if (malformed != null) {
            return malformed;
        }
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

    /**
     * A document refused as a whole, wherever the reader was: a duplicate key, data after the document, nesting or
     * sizes beyond the reader's limits (api.http.WellFormedText), or broken JSON.
     */
    private static ProblemDetail malformedDocument(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean trailing = t instanceof MismatchedInputException m && m.getOriginalMessage() != null
                    && m.getOriginalMessage().startsWith("Trailing token");
            if (t instanceof StreamReadException || t instanceof StreamConstraintsException || trailing) {
                JsonProcessingException json = (JsonProcessingException) t;
                String where = json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr()
                        + ", column " + json.getLocation().getColumnNr() + ")";
                return Problems.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON, or not one document"
                        + " within the registry's limits: " + json.getOriginalMessage() + where, null,
                        "Send one JSON document, each key once, nested no deeper than the API's documents are.");
            }
        }
        return null;
    }

    /** A value the domain's own parsing refused (an ISRC, a prefix code, a duration ...): its reason is the detail. */
    static ProblemDetail invalidValue(String field, Throwable reason) {
        if (reason instanceof InvalidIdentifierException invalid) {
            return identifierProblem(field, invalid);
        }
        if (reason instanceof InvalidInputException invalid) {
            // A value record (a contributor) names its own field within the JSON path; a string, its path alone.
            String named = field == null || field.equals("(body)") ? invalid.field()
                    : invalid.field().equals("value") || field.endsWith(invalid.field()) ? field
                    : field + "." + invalid.field();
            return Problems.of(ProblemType.INVALID_FIELD, "Field '" + named + "' " + invalid.reason(), named,
                    "Correct the value and send the request again.");
        }
        return Problems.of(ProblemType.INVALID_FIELD, "Field '" + field + "': " + reason.getMessage(), field,
                "Correct the value and send the request again.");
    }

    /** An identifier the domain refused, with the part and position its parser named. */
    public static ProblemDetail identifierProblem(String field, InvalidIdentifierException e) {
        ProblemType type = e instanceof UnallocatedPrefixException ? ProblemType.PREFIX_NOT_ALLOCATED
                : ProblemType.INVALID_CODE;
        ProblemDetail problem = Problems.of(type, (field == null ? "" : "Field '" + field + "': ") + e.getMessage(),
                field, "Correct the " + e.identifier() + " and send the request again.");
        problem.setProperty("part", e.part());
        problem.setProperty("position", e.position());
        return problem;
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
