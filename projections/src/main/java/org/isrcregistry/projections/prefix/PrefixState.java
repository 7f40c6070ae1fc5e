package org.isrcregistry.projections.prefix;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.isrcregistry.core.event.PrefixEvent;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.PrefixRegistered;
import org.isrcregistry.core.prefix.PrefixReinstated;
import org.isrcregistry.core.prefix.PrefixSuspended;

/**
 * A prefix's public state: the fold of its lifecycle events (registered, suspended, reinstated). It does not say who
 * holds the prefix (IFPI Bulletin 2006/02); revision 1 did (docs/kafka.md). The designations it
 * takes are not part of it: they are published as events, one per ISRC. {@code version} counts the lifecycle events
 * applied (0 after the registration).
 */
@Revision("2")
public record PrefixState(
        PrefixCode prefix,
        CountryCode countryCode,
        DesignationRange range,
        Status status,
        String suspensionReason,
        Instant registeredAt,
        Instant updatedAt,
        long version) {

    public enum Status { ACTIVE, SUSPENDED }

    public static PrefixState registered(PrefixRegistered event, Instant at) {
        return new PrefixState(event.prefixCode(), event.prefixCode().countryCode(), event.range(),
                Status.ACTIVE, null, at, at, 0);
    }

    /** Whether {@code event} changes the public state (a designation taken does not). */
    public static boolean changes(PrefixEvent event) {
        return event instanceof PrefixRegistered || event instanceof PrefixSuspended
                || event instanceof PrefixReinstated;
    }

    /** The state after {@code event}, from {@code before} (null before the prefix's registration). */
    public static PrefixState fold(PrefixState before, PrefixEvent event, Instant at) {
        if (event instanceof PrefixRegistered registered && before == null) {
            return registered(registered, at);
        }
        if (before == null) {
            throw new IllegalArgumentException("a prefix's stream starts with its registration, not " + event);
        }
        return before.apply(event, at);
    }

    /** The state after one more lifecycle event of the same prefix. */
    public PrefixState apply(PrefixEvent event, Instant at) {
        if (!event.prefixCode().equals(prefix)) {
            throw new IllegalArgumentException(event + " is not an event of " + prefix.display());
        }
        if (event instanceof PrefixSuspended suspended) {
            return new PrefixState(prefix, countryCode, range, Status.SUSPENDED, suspended.reason(),
                    registeredAt, at, version + 1);
        }
        if (event instanceof PrefixReinstated) {
            return new PrefixState(prefix, countryCode, range, Status.ACTIVE, null, registeredAt, at,
                    version + 1);
        }
        throw new IllegalArgumentException("not a lifecycle event of an existing prefix: " + event);
    }

    /** E.g. {@code CA-K7Q}. */
    @JsonProperty("display")
    public String display() {
        return prefix.display();
    }
}
