package org.isrcregistry.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.Registrant;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.rule.Registrants;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency's API tokens. A new token's secret is in the creation's answer and nowhere else; it is neither stored
 * nor logged, and the answer is not kept for Idempotency-Key replays. Issuing and revoking are logged with the
 * token's id and who did it; the table keeps who created and revoked each token and when.
 */
@RestController
@RequestMapping(TokenController.PATH)
@Tag(name = "API tokens", description = "Bearer tokens per role (agency; auditors may list them)")
public class TokenController {

    public static final String PATH = "/v1/admin/tokens";
    private static final Logger log = LoggerFactory.getLogger(TokenController.class);

    /** A longer expiry is a typing error (and years such as +999999999 cannot be stored). */
    static final int MAX_LIFETIME_YEARS = 100;

    private final ApiTokens tokens;
    private final Registrants registrants;

    TokenController(ApiTokens tokens, Registrants registrants) {
        this.tokens = tokens;
        this.registrants = registrants;
    }

    /**
     * @param registrantId REGISTRANT only: the registrant it belongs to; it covers the prefixes the registrant holds
     *                     at each request (a prefix transferred to it too, one transferred away no longer)
     * @param prefixes     REGISTRANT only, instead of registrantId: the prefixes it may act on, as a fixed list
     * @param expiresAt    when it stops working; never when left out
     */
    public record TokenRequest(@NotBlank @Size(max = 200) String name, @NotNull Role role,
                               RegistrantId registrantId,
                               @ArraySchema(schema = @Schema(type = "string", example = "CA-K7Q"))
                               List<@NotNull PrefixCode> prefixes,
                               Instant expiresAt) {
    }

    /**
     * @param prefixes the prefixes it covers now
     * @param token    the secret, in the creation's answer only
     */
    public record TokenView(UUID id, String name, Role role, String registrantId, Set<String> prefixes, String actor,
                            Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
                            String revokedBy, String token) {

        static TokenView of(ApiToken token, String secret) {
            Set<String> prefixes = new TreeSet<>();
            token.prefixes().forEach(prefix -> prefixes.add(prefix.display()));
            return new TokenView(token.id(), token.name(), token.role(),
                    token.registrant() == null ? null : token.registrant().toString(), prefixes, token.actor(),
                    token.createdAt(), token.createdBy(), token.expiresAt(), token.revokedAt(), token.revokedBy(),
                    secret);
        }
    }

    @PostMapping
    @Operation(summary = "Issue a token (agency); its secret is shown in this answer only")
    public ResponseEntity<TokenView> create(@Valid @RequestBody TokenRequest request) {
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
        return ResponseEntity.created(URI.create(PATH + "/" + issued.token().id()))
                .cacheControl(CacheControl.noStore())
                .body(TokenView.of(issued.token(), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "Every token, revoked and expired ones too, without secrets (agency, auditor)")
    public List<TokenView> list() {
        return tokens.all().stream().map(token -> TokenView.of(token, null)).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getToken", summary = "One token, without its secret (agency, auditor)")
    public TokenView get(@PathVariable UUID id) {
        return TokenView.of(tokens.find(id).orElseThrow(() -> notFound(id)), null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token (agency): refused from the next request on, on every node")
    public TokenView revoke(@PathVariable UUID id) {
        String actor = RegistryCommands.actor();
        ApiToken revoked = tokens.revoke(id, actor).orElseThrow(() -> notFound(id));
        log.info("API token {} ({}) revoked by {}", id, revoked.name(), revoked.revokedBy());
        return TokenView.of(revoked, null);
    }

    private static Instant latestExpiry() {
        return ZonedDateTime.now(ZoneOffset.UTC).plusYears(MAX_LIFETIME_YEARS).toInstant();
    }

    private static RegistryRuleException notFound(UUID id) {
        return new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "id", "No API token " + id,
                "Check the id (GET " + PATH + " lists every token).");
    }
}
