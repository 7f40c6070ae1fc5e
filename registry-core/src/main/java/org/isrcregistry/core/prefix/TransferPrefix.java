package org.isrcregistry.core.prefix;

import java.util.Objects;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.input.Text;
import org.isrcregistry.core.registrant.RegistrantId;

/** Moves a prefix, with every code it issued, to another registrant. */
public record TransferPrefix(PrefixCode prefixCode, RegistrantId to, String reason) implements PrefixCommand {

    public TransferPrefix {
        Objects.requireNonNull(prefixCode, "prefix code is required");
        Objects.requireNonNull(to, "the registrant to transfer to is required");
        reason = Text.paragraph(reason, "reason", Text.REASON);
    }
}
