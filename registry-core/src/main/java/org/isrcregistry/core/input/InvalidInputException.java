package org.isrcregistry.core.input;

/**
 * A value no registry record may hold (malformed text, a date out of range), refused where it is built, before any
 * command is sent. {@link #field()} names the input (in the API's own spelling, e.g. {@code mainArtist}).
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
