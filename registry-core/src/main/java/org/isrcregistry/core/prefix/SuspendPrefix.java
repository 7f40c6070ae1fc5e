package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.PrefixCode;

import java.util.Objects;

/** No new codes are issued under a suspended prefix; codes already issued stay valid. */
public record SuspendPrefix(PrefixCode prefixCode, String reason) implements PrefixCommand {

    public SuspendPrefix {
        Objects.requireNonNull(prefixCode, "prefix code is required");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        reason = reason.strip();
    }
}
