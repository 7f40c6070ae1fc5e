package org.isrcregistry.core.input;

/**
 * A value no registry record may hold (malformed text, a date out of range), refused where it is built, before any
 * command is sent. {@link #field()} names the input (in the API's own spelling, e.g. {@code mainArtist}).
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    /** @param reason what is wrong with the field's value, as the predicate of a sentence whose subject it is */
    public InvalidInputException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
