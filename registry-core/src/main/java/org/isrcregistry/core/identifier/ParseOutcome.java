package org.isrcregistry.core.identifier;

import java.util.Optional;
import java.util.function.Function;

/** The result of reading one input without throwing: the value, or why the input is not one. */
public sealed interface ParseOutcome<T> {

    record Valid<T>(T value) implements ParseOutcome<T> {
    }

    record Invalid<T>(InvalidIdentifierException error) implements ParseOutcome<T> {
    }

    static <T> ParseOutcome<T> of(Function<String, T> parser, String input) {
        try {
            return new Valid<>(parser.apply(input));
        } catch (InvalidIdentifierException e) {
            return new Invalid<>(e);
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    default Optional<T> toOptional() {
        return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
    }
}
