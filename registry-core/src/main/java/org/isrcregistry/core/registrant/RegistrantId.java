package org.isrcregistry.core.registrant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.isrcregistry.core.identifier.PrefixCode;

/** The agency's identifier of a registrant: a UUID, never reused. */
public record RegistrantId(UUID value) {

    public RegistrantId {
        Objects.requireNonNull(value, "registrant id is required");
    }

    public static RegistrantId random() {
        return new RegistrantId(UUID.randomUUID());
    }

    /** Reads a UUID; anything else is refused with IllegalArgumentException. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RegistrantId parse(String value) {
        try {
            return new RegistrantId(UUID.fromString(value.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a registrant id (a UUID)");
        }
    }

    /**
     * The registrant recorded for a prefix registered before registrants were records of their own: one per such
     * prefix, the same on every node and every run, so recording it twice is recording it once.
     */
    public static RegistrantId ofLegacyPrefix(PrefixCode prefix) {
        return new RegistrantId(UUID.nameUUIDFromBytes(("legacy-registrant:" + prefix.value())
                .getBytes(StandardCharsets.UTF_8)));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
