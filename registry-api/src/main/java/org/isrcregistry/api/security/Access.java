package org.isrcregistry.api.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may do what, per request (the roles table of docs/security.md). A refusal names what was missing: a role, or
 * the prefix a registrant would have to hold. Without a token every decision is a refusal, which Spring Security
 * answers with 401.
 */
public final class Access {

    private Access() {
    }

    /** A refusal, with what the request would have needed. */
    static final class Refusal extends AuthorizationDecision {

        final String required;

        Refusal(String required) {
            super(false);
            this.required = required;
        }
    }

    /** Tokens of one of these roles. */
    static AuthorizationManager<RequestAuthorizationContext> roles(Role... roles) {
        List<Role> allowed = List.of(roles);
        return (authentication, context) -> decide(authentication, token -> allowed.contains(token.role()) ? null
                : allowed.stream().map(Role::name).collect(Collectors.joining(" or ")) + " token");
    }

    /** AGENCY, these roles, or a REGISTRANT holding the prefix in the path variable. */
    static AuthorizationManager<RequestAuthorizationContext> prefix(String variable, Role... alsoAllowed) {
        return holder(variable, PrefixCode::parse, alsoAllowed);
    }

    /** AGENCY, these roles, or the REGISTRANT token of the registrant whose id is the path variable. */
    static AuthorizationManager<RequestAuthorizationContext> registrant(String variable, Role... alsoAllowed) {
        List<Role> roles = agencyAnd(alsoAllowed);
        String others = names(roles);
        return (authentication, context) -> decide(authentication, token -> {
            if (roles.contains(token.role())) {
                return null;
            }
            String value = context.getVariables().get(variable);
            try {
                return token.belongsTo(RegistrantId.parse(value)) ? null
                        : others + " token, or the REGISTRANT token of registrant " + value;
            } catch (IllegalArgumentException invalid) {
                return others + " token";
            }
        });
    }

    /** AGENCY, these roles, or a REGISTRANT holding the prefix of the ISRC in the path variable. */
    static AuthorizationManager<RequestAuthorizationContext> isrc(String variable, Role... alsoAllowed) {
        return holder(variable, value -> Isrc.parse(value).prefixCode(), alsoAllowed);
    }

    private static AuthorizationManager<RequestAuthorizationContext> holder(String variable,
                                                                           Function<String, PrefixCode> prefixOf,
                                                                           Role... alsoAllowed) {
        List<Role> roles = agencyAnd(alsoAllowed);
        String others = names(roles);
        return (authentication, context) -> decide(authentication, token -> {
            if (roles.contains(token.role())) {
                return null;
            }
            String value = context.getVariables().get(variable);
            PrefixCode prefix;
            try {
                prefix = prefixOf.apply(value);
            } catch (IllegalArgumentException invalid) {
                return others + " token (" + variable + " '" + value + "' names no prefix a registrant could hold)";
            }
            return token.holds(prefix) ? null : others + " token, or a REGISTRANT token holding " + prefix.display();
        });
    }

    private static List<Role> agencyAnd(Role... alsoAllowed) {
        return Stream.concat(Stream.of(Role.AGENCY), Arrays.stream(alsoAllowed)).toList();
    }

    private static String names(List<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(" or "));
    }

    /** @param missing what the token lacks, null if it may */
    private static AuthorizationDecision decide(Supplier<Authentication> authentication,
                                                Function<ApiToken, String> missing) {
        if (!(authentication.get() instanceof TokenAuthentication bearer)) {
            return new AuthorizationDecision(false);
        }
        String required = missing.apply(bearer.getPrincipal());
        return required == null ? new AuthorizationDecision(true) : new Refusal(required);
    }

    /**
     * For a prefix named in the body rather than the path (a new version issued under another prefix): a registrant
     * must hold it too.
     */
    public static void requireHolderOf(PrefixCode prefix) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication bearer
                && !bearer.getPrincipal().holds(prefix)) {
            throw new AccessDeniedException("AGENCY token, or a REGISTRANT token holding " + prefix.display());
        }
    }

    /**
     * The prefixes the current token's reads are limited to: a registrant's own; null for AUDITOR and AGENCY tokens,
     * which read everything.
     */
    public static Set<PrefixCode> readScope() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication bearer
                && bearer.getPrincipal().role() == Role.REGISTRANT ? bearer.getPrincipal().prefixes() : null;
    }

    /** For a prefix named in a query: a registrant may read about its own prefixes only. */
    public static void requireReaderOf(PrefixCode prefix) {
        Set<PrefixCode> scope = readScope();
        if (scope != null && !scope.contains(prefix)) {
            throw new AccessDeniedException("AUDITOR or AGENCY token, or a REGISTRANT token holding "
                    + prefix.display());
        }
    }
}
