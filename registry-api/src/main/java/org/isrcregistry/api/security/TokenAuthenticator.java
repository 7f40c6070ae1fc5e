package org.isrcregistry.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750) and finds the token by its secret's hash. No header: the
 * request goes on anonymously (public endpoints). Two headers, a malformed one, or an unknown, revoked or expired
 * token: 401.
 * Being an {@link AuthenticationProvider} bean also keeps Spring Boot from creating its default user and password.
 */
@Component
class TokenAuthenticator implements AuthenticationProvider {

    /**
     * The credentials exactly as RFC 9110 (section 11.4) and RFC 6750 write them: the scheme, case-insensitive (RFC 9110
     * section 11.1), one space, the token (b64token); nothing before, between or after. Whitespace around the whole
     * value is not part of it (RFC 9110 section 5.5) and never reaches here.
     */
    static final Pattern BEARER = Pattern.compile("(?i:Bearer) ([A-Za-z0-9._~+/-]+=*)");

    private final ApiTokens tokens;

    TokenAuthenticator(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The unauthenticated bearer token of the request, null when it sends none. */
    static TokenAuthentication bearerToken(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (headers == null || !headers.hasMoreElements()) {
            return null;
        }
        String header = headers.nextElement();
        if (headers.hasMoreElements()) {
            throw new BadCredentialsException("The request has several Authorization headers; send exactly one");
        }
        Matcher bearer = BEARER.matcher(header);
        if (!bearer.matches()) {
            throw new BadCredentialsException("The Authorization header is not of the form 'Bearer <token>' (one space, nothing around)");
        }
        return TokenAuthentication.unauthenticated(bearer.group(1));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        ApiToken token = tokens.bySecret((String) authentication.getCredentials()).orElseThrow(
                () -> new BadCredentialsException("The bearer token is not one the registry issued"));
        if (token.revokedAt() != null) {
            throw new BadCredentialsException("The bearer token was revoked at " + token.revokedAt());
        }
        if (tokens.expired(token)) {
            throw new CredentialsExpiredException("The bearer token expired at " + token.expiresAt());
        }
        return TokenAuthentication.of(token);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return TokenAuthentication.class.isAssignableFrom(authentication);
    }
}
