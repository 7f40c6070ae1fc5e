package org.isrcregistry.core.rule;

import java.util.Objects;

/**
 * A command refused because it would break a rule of the registry. {@link #kind()} is stable (the
 * HTTP layer maps it to a problem type), {@link #field()} names the input concerned when there is
 * one, and {@link #action()} tells the user what to do instead.
 */
public class RegistryRuleException extends RuntimeException {

    public enum Kind {
        PREFIX_NOT_ALLOCATED,
        PREFIX_NOT_REGISTERED,
        PREFIX_ALREADY_REGISTERED,
        PREFIX_SUSPENDED,
        REGISTRANT_CODES_EXHAUSTED,
        RANGE_EXHAUSTED,
        CODE_ALREADY_REGISTERED,
        DUPLICATE_AUDIO,
        RULE_REFUSED,
        NOT_FOUND,
        WITHDRAWN,
        CONFLICT,
        REGISTRANT_NOT_REGISTERED,
        REGISTRANT_ALREADY_REGISTERED,
        REGISTRANT_INACTIVE,
        COUNTRY_CODE_NOT_AGENCYS,
        SAME_HOLDER,
        CLIENT_NOT_AUTHORISED,
        YEARLY_CAP_REACHED
    }

    private final Kind kind;
    private final String field;
    private final String action;

    public RegistryRuleException(Kind kind, String field, String message, String action) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.field = field;
        this.action = action;
    }

    public Kind kind() {
        return kind;
    }

    /** The command field the refusal concerns, or null. */
    public String field() {
        return field;
    }

    /** What the user can do instead, as a sentence. */
    public String action() {
        return action;
    }
}
