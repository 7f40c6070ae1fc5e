package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.PrefixCode;

import java.util.Objects;

public record ReinstatePrefix(PrefixCode prefixCode) implements PrefixCommand {

    public ReinstatePrefix {
        Objects.requireNonNull(prefixCode, "prefix code is required");
    }
}
