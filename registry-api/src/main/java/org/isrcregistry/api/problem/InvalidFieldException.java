package org.isrcregistry.api.problem;

/** A request field the API refuses before any command runs: a 400 problem naming the field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String action;

    public InvalidFieldException(String field, String message, String action) {
        super(message);
        this.field = field;
        this.action = action;
    }

    public String field() {
        return field;
    }

    public String action() {
        return action;
    }
}
