package org.isrcregistry.core.registrant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** An ISRC Manager's client, as the manager recorded its authorisation: a UUID, never reused. */
public record ClientId(UUID value) {

    public ClientId {
        Objects.requireNonNull(value, "client id is required");
    }

    public static ClientId random() {
        return new ClientId(UUID.randomUUID());
    }

    /** Reads a UUID; anything else is refused with IllegalArgumentException. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClientId parse(String value) {
        try {
            return new ClientId(UUID.fromString(value.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a client id (a UUID)");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
