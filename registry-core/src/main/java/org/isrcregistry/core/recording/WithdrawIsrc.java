package org.isrcregistry.core.recording;

import org.isrcregistry.core.identifier.Isrc;

import static org.isrcregistry.core.recording.Require.present;

/** {@code duplicateOf} is required when, and only when, the reason is {@link WithdrawalReason#DUPLICATE}. */
public record WithdrawIsrc(Isrc isrc, WithdrawalReason reason, Isrc duplicateOf) implements RecordingCommand {

    public WithdrawIsrc {
        present(isrc, "isrc");
        present(reason, "reason");
        if ((reason == WithdrawalReason.DUPLICATE) != (duplicateOf != null)) {
            throw new IllegalArgumentException("a duplicate names the ISRC to use instead, and only a duplicate does");
        }
    }

    public static WithdrawIsrc assignedInError(Isrc isrc) {
        return new WithdrawIsrc(isrc, WithdrawalReason.ASSIGNED_IN_ERROR, null);
    }

    public static WithdrawIsrc asDuplicateOf(Isrc isrc, Isrc original) {
        return new WithdrawIsrc(isrc, WithdrawalReason.DUPLICATE, original);
    }
}
