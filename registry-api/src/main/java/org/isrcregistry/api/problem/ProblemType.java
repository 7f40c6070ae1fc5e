package org.isrcregistry.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API reports, each with a stable RFC 9457 {@code type} URI that clients can switch on.
 * Documented in docs/problems.md.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    INVALID_FIELD("invalid-field", HttpStatus.BAD_REQUEST, "Invalid field"),
    UNSTORABLE_INPUT("unstorable-input", HttpStatus.BAD_REQUEST, "Input the record cannot keep"),
    INVALID_CODE("invalid-code", HttpStatus.BAD_REQUEST, "Invalid identifier"),
    PREFIX_NOT_ALLOCATED("prefix-not-allocated", HttpStatus.BAD_REQUEST, "Prefix not allocated"),
    PREFIX_NOT_REGISTERED("prefix-not-registered", HttpStatus.NOT_FOUND, "Prefix not registered"),
    PREFIX_ALREADY_REGISTERED("prefix-already-registered", HttpStatus.CONFLICT, "Prefix already registered"),
    PREFIX_SUSPENDED("prefix-suspended", HttpStatus.CONFLICT, "Prefix suspended"),
    RANGE_EXHAUSTED("range-exhausted", HttpStatus.CONFLICT, "Designation range exhausted"),
    REGISTRANT_CODES_EXHAUSTED("registrant-codes-exhausted", HttpStatus.CONFLICT, "No registrant code free"),
    CODE_ALREADY_REGISTERED("code-already-registered", HttpStatus.CONFLICT, "Code already registered"),
    DUPLICATE_AUDIO("duplicate-audio", HttpStatus.CONFLICT, "Duplicate audio"),
    RULE_REFUSED("rule-refused", HttpStatus.UNPROCESSABLE_ENTITY, "Refused by a rule of the ISRC standard"),
    WITHDRAWN("withdrawn", HttpStatus.CONFLICT, "Recording withdrawn"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    REGISTRANT_NOT_REGISTERED("registrant-not-registered", HttpStatus.NOT_FOUND, "Unknown registrant"),
    REGISTRANT_ALREADY_REGISTERED("registrant-already-registered", HttpStatus.CONFLICT, "Registrant already registered"),
    REGISTRANT_INACTIVE("registrant-inactive", HttpStatus.CONFLICT, "Registrant deactivated"),
    COUNTRY_CODE_NOT_AGENCYS("country-code-not-agencys", HttpStatus.UNPROCESSABLE_ENTITY,
            "Prefix letters of another agency"),
    SAME_HOLDER("same-holder", HttpStatus.CONFLICT, "Transfer to the same holder"),
    CLIENT_NOT_AUTHORISED("client-not-authorised", HttpStatus.UNPROCESSABLE_ENTITY,
            "No authorised client for an ISRC Manager's assignment"),
    YEARLY_CAP_REACHED("yearly-cap-reached", HttpStatus.CONFLICT, "ISRC Manager's yearly cap reached"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key used for another request"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", HttpStatus.CONFLICT, "Idempotency-Key in use"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    TOO_MANY_ROWS("too-many-rows", HttpStatus.PAYLOAD_TOO_LARGE, "Too many rows"),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public static final String BASE = "https://isrc-registry.org/problems/";

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.type = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type of a refusal known only by its status: the servlet container's own, or Spring MVC's. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }
}
