package org.isrcregistry.core.conflict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.isrcregistry.core.identifier.Isrc;

/**
 * A pair of ISRCs that may name the same recording, in ISRC order: {@code CAK7Q2600001-CAK7Q2600002}. One pair, one
 * conflict, for ever: once resolved, the same pair cannot be opened again.
 */
public record ConflictId(Isrc first, Isrc second) {

    public ConflictId {
        if (first == null || second == null || first.equals(second)) {
            throw new IllegalArgumentException("a conflict is between two different ISRCs");
        }
        if (first.value().compareTo(second.value()) > 0) {
            Isrc swap = first;
            first = second;
            second = swap;
        }
    }

    /** @throws IllegalArgumentException (or InvalidIdentifierException) if it is not two ISRCs joined by '-' */
    @JsonCreator
    public static ConflictId parse(String text) {
        String[] codes = text == null ? new String[0] : text.strip().split("-");
        if (codes.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a conflict id: two ISRCs joined by '-'");
        }
        return new ConflictId(Isrc.parse(codes[0]), Isrc.parse(codes[1]));
    }

    public boolean involves(Isrc isrc) {
        return first.equals(isrc) || second.equals(isrc);
    }

    /** The other code of the pair. */
    public Isrc other(Isrc isrc) {
        return first.equals(isrc) ? second : first;
    }

    @JsonValue
    public String value() {
        return first.value() + "-" + second.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
