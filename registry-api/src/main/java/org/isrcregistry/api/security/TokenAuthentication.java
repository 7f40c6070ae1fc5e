package org.isrcregistry.api.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request's bearer token: before authentication its secret, afterwards the stored token (and no secret). Its name
 * is the token's actor, so {@code request.getUserPrincipal()} names it in the events and scopes idempotency keys.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final transient ApiToken token;
    private transient String secret;

    private TokenAuthentication(ApiToken token, String secret) {
        super(token == null ? List.of() : List.of(new SimpleGrantedAuthority(token.role().authority())));
        this.token = token;
        this.secret = secret;
        setAuthenticated(token != null);
    }

    static TokenAuthentication unauthenticated(String secret) {
        return new TokenAuthentication(null, secret);
    }

    static TokenAuthentication of(ApiToken token) {
        return new TokenAuthentication(token, null);
    }

    @Override
    public String getCredentials() {
        return secret;
    }

    @Override
    public ApiToken getPrincipal() {
        return token;
    }

    @Override
    public String getName() {
        return token == null ? "" : token.actor();
    }

    @Override
    public void eraseCredentials() {
        secret = null;
    }
}
