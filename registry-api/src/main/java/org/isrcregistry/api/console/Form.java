package org.isrcregistry.api.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.isrcregistry.api.problem.ProblemHandler;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A form as sent, and what was wrong with it, field by field: the values go back into the page as typed, and each
 * refusal is shown beside its field. Values are read with the same parsers and bean constraints as the API's JSON,
 * and a command's refusal is the API's problem, so the console says what the API would.
 */
public final class Form {

    /** The key of refusals that name no field (shown above the form). */
    public static final String WHOLE_FORM = "form";

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Form(Map<String, String> values) {
        this.values = new HashMap<>(values);
    }

    public static Form empty() {
        return new Form(Map.of());
    }

    /** As typed, for the page; "" when absent. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public Form with(String field, String value) {
        values.put(field, value);
        return this;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public Map<String, String> errors() {
        return errors;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The value, stripped; null when blank. */
    String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value read by the domain's own parser (null when blank); a refusal is kept for the field. */
    <T> T parse(String field, Function<String, T> parser) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException refused) {
            refuse(field, refused.getMessage());
            return null;
        }
    }

    void refuse(String field, String message) {
        errors.putIfAbsent(field == null ? WHOLE_FORM : field, message);
    }

    /** The bean constraints the API checks on the same request ({@code @Valid}); true if there is none broken. */
    <T> boolean check(Validator validator, T request) {
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            refuse(leaf(violation.getPropertyPath()), violation.getMessage());
        }
        return valid();
    }

    /**
     * Runs a command; a refusal of what was sent becomes the API's problem beside its field (its detail and the action
     * to take). Anything else (a right missing, a failure of the registry) is not the form's and is thrown on.
     *
     * @return the command's answer, or null when it was refused
     */
    <T> T submit(Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            ProblemDetail problem = e instanceof ErrorResponse spring ? spring.getBody()
                    : ProblemHandler.refusal(e).orElseThrow(() -> e);
            Object field = problem.getProperties() == null ? null : problem.getProperties().get("field");
            Object action = problem.getProperties() == null ? null : problem.getProperties().get("action");
            refuse(field == null ? null : leaf(field.toString()),
                    problem.getDetail() + (action == null ? "" : " " + action));
            return null;
        }
    }

    private static String leaf(Path path) {
        String leaf = null;
        for (Path.Node node : path) {
            // An element of a list ("<list element>") is shown beside the list's field.
            leaf = node.getName() == null || node.getName().startsWith("<") ? leaf : node.getName();
        }
        return leaf;
    }

    /** "recording.duration" is the form's "duration"; several fields ("title, owner") go to the first. */
    private static String leaf(String field) {
        String first = field.split(",")[0].strip();
        return first.substring(first.lastIndexOf('.') + 1);
    }
}
