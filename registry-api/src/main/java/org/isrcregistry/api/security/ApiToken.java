package org.isrcregistry.api.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.isrcregistry.core.identifier.PrefixCode;

/**
 * A stored API token, without its secret. Its {@link #actor()} is who acted in the events it causes.
 *
 * @param prefixes REGISTRANT only: the prefixes it may act on
 */
public record ApiToken(UUID id, String name, Role role, Set<PrefixCode> prefixes, Instant createdAt, String createdBy,
                       Instant expiresAt, Instant revokedAt, String revokedBy) {

    /** Stable and unique, unlike the name; GET /v1/admin/tokens names it. */
    public String actor() {
        return "token:" + id;
    }

    public boolean holds(PrefixCode prefix) {
        return role == Role.AGENCY || role == Role.REGISTRANT && prefixes.contains(prefix);
    }

    String describe() {
        return role == Role.REGISTRANT
                ? "REGISTRANT of " + String.join(", ", prefixes.stream().map(PrefixCode::display).sorted().toList())
                : role.name();
    }
}
