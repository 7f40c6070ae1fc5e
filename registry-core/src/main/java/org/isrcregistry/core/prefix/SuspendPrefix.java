package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.input.Text;

import java.util.Objects;

/** No new codes are issued under a suspended prefix; codes already issued stay valid. */
public record SuspendPrefix(PrefixCode prefixCode, String reason) implements PrefixCommand {

    public SuspendPrefix {
        Objects.requireNonNull(prefixCode, "prefix code is required");
        reason = Text.paragraph(reason, "reason", Text.REASON);
    }
}
