package org.isrcregistry.api.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;

/**
 * A stored API token, without its secret. Its {@link #actor()} is who acted in the events it causes.
 *
 * @param registrant REGISTRANT only: the registrant it belongs to, whose prefixes it covers; null for a token bound to
 *                   a list of prefix codes
 * @param prefixes   REGISTRANT only: the prefixes it may act on, those its registrant holds as the token was read
 */
public record ApiToken(UUID id, String name, Role role, RegistrantId registrant, Set<PrefixCode> prefixes,
                       Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy) {

    /** Stable and unique, unlike the name; GET /v1/admin/tokens names it. */
    public String actor() {
        return "token:" + id;
    }

    public boolean holds(PrefixCode prefix) {
        return role == Role.AGENCY || role == Role.REGISTRANT && prefixes.contains(prefix);
    }

    /** Whether it is the token of this registrant (which may read its own file). */
    boolean belongsTo(RegistrantId registrant) {
        return role == Role.REGISTRANT && registrant.equals(this.registrant);
    }

    String describe() {
        if (role != Role.REGISTRANT) {
            return role.name();
        }
        return registrant != null ? "REGISTRANT " + registrant
                : "REGISTRANT of " + String.join(", ", prefixes.stream().map(PrefixCode::display).sorted().toList());
    }
}
