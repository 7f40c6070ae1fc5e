package org.isrcregistry.core.registrant;

import org.isrcregistry.core.input.Text;

/** Checks shared by the registrant's commands, made where the command is built. */
final class RegistrantRules {

    private RegistrantRules() {
    }

    static void checkTerms(RegistrantKind kind, ManagerTerms terms) {
        if (kind == RegistrantKind.ISRC_MANAGER && terms == null) {
            throw new IllegalArgumentException("an ISRC_MANAGER needs a volumeTier (LOW_VOLUME or HIGH_VOLUME)");
        }
        if (kind == RegistrantKind.PRODUCER && terms != null) {
            throw new IllegalArgumentException("only an ISRC_MANAGER has a volumeTier and a yearlyCap");
        }
    }

    static String reason(String reason) {
        return Text.paragraph(reason, "reason", Text.REASON);
    }
}
