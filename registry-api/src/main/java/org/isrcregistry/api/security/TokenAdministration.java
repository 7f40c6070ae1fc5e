package org.isrcregistry.api.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.security.TokenController.TokenRequest;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.Registrant;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.Registrants;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Issuing and revoking API tokens, for the HTTP API and the console alike. Both are logged with the token's id and
 * who did it, never with the secret.
 */
@Service
public class TokenAdministration {

    private static final Logger log = LoggerFactory.getLogger(TokenAdministration.class);
    /** A longer expiry is a typing error (and years such as +999999999 cannot be stored). */
    static final int MAX_LIFETIME_YEARS = 100;

    private final ApiTokens tokens;
    private final Registrants registrants;

    TokenAdministration(ApiTokens tokens, Registrants registrants) {
        this.tokens = tokens;
        this.registrants = registrants;
    }

    public ApiTokens.Issued issue(TokenRequest request) {
        Set<PrefixCode> prefixes = request.prefixes() == null ? Set.of() : Set.copyOf(request.prefixes());
        RegistrantId registrant = request.registrantId();
        if (request.role() == Role.REGISTRANT && prefixes.isEmpty() == (registrant == null)) {
            throw new InvalidFieldException(registrant == null ? "registrantId" : "prefixes",
                    registrant == null ? "A REGISTRANT token must belong to a registrant"
                            : "A REGISTRANT token belongs to a registrant or to a list of prefixes, not both",
                    "Send \"registrantId\": the registrant's id (its token then covers every prefix it holds).");
        }
        if (request.role() != Role.REGISTRANT && (!prefixes.isEmpty() || registrant != null)) {
            throw new InvalidFieldException(registrant != null ? "registrantId" : "prefixes", "Only a REGISTRANT token"
                    + " is limited to a registrant's prefixes; an " + request.role() + " token acts on all of them",
                    "Leave \"registrantId\" and \"prefixes\" out, or ask for a REGISTRANT token.");
        }
        if (registrant != null && registrants.find(registrant).isEmpty()) {
            throw Registrant.notRegistered(registrant, "registrantId");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
            throw new InvalidFieldException("expiresAt", "expiresAt " + request.expiresAt() + " is not in the future",
                    "Send a future instant, e.g. \"2027-01-01T00:00:00Z\", or leave it out.");
        }
        if (request.expiresAt() != null && request.expiresAt().isAfter(latestExpiry())) {
            throw new InvalidFieldException("expiresAt", "expiresAt " + request.expiresAt() + " is more than "
                    + MAX_LIFETIME_YEARS + " years ahead", "Send an instant before " + latestExpiry()
                    + ", or leave it out for a token that does not expire.");
        }
        String actor = RegistryCommands.actor();
        ApiTokens.Issued issued = tokens.create(request.name().strip(), request.role(), registrant, prefixes,
                request.expiresAt(), actor);
        log.info("API token {} ({}, {}) issued by {}", issued.token().id(), issued.token().name(),
                issued.token().describe(), actor);
        return issued;
    }

    public List<ApiToken> all() {
        return tokens.all();
    }

    public ApiToken get(UUID id) {
        return tokens.find(id).orElseThrow(() -> notFound(id));
    }

    public ApiToken revoke(UUID id) {
        String actor = RegistryCommands.actor();
        ApiToken revoked = tokens.revoke(id, actor).orElseThrow(() -> notFound(id));
        log.info("API token {} ({}) revoked by {}", id, revoked.name(), revoked.revokedBy());
        return revoked;
    }

    private static Instant latestExpiry() {
        return ZonedDateTime.now(ZoneOffset.UTC).plusYears(MAX_LIFETIME_YEARS).toInstant();
    }

    private static RegistryRuleException notFound(UUID id) {
        return new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "id", "No API token " + id,
                "Check the id (GET " + TokenController.PATH + " lists every token).");
    }
}
