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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.Registrants;
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
 * nor logged, and the answer is not kept for Idempotency-Key replays. The table keeps who created and revoked each
 * token and when.
 */
@RestController
@RequestMapping(TokenController.PATH)
@Tag(name = "API tokens", description = "Bearer tokens per role (agency; auditors may list them)")
public class TokenController {

    public static final String PATH = "/v1/admin/tokens";
    private final TokenAdministration tokens;

    TokenController(TokenAdministration tokens) {
        this.tokens = tokens;
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
        ApiTokens.Issued issued = tokens.issue(request);
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
        return TokenView.of(tokens.get(id), null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token (agency): refused from the next request on, on every node")
    public TokenView revoke(@PathVariable UUID id) {
        return TokenView.of(tokens.revoke(id), null);
    }
}
