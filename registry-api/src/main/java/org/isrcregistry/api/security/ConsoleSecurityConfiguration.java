package org.isrcregistry.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web console ({@code /console}): a person signs in once with an API token, and a server session stands for it
 * (an HttpOnly, SameSite=Strict cookie; see {@code server.servlet.session.*}). Unlike the API's stateless chain
 * ({@link SecurityConfiguration}) this one keeps sessions, so every form carries Spring Security's CSRF token. The
 * token's secret is read from the sign-in form only: never put in a page, a URL or the session. Each request reads
 * the session's token again, so a revoked or expired token ends its sessions at once, as it would refuse the API.
 * Role rules are the API's: per-prefix rights are checked by the services and pages (Access).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String SIGN_IN = "/console/sign-in";

    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, TokenAuthenticator tokens, ApiTokens apiTokens) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        AuthenticationProvider signIn = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication form) {
                String secret = form.getCredentials() == null ? "" : form.getCredentials().toString().strip();
                return tokens.authenticate(TokenAuthentication.unauthenticated(secret));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
        return http
                .securityMatcher(new OrRequestMatcher(path.matcher("/console/**"), path.matcher("/webjars/**")))
                .authenticationManager(new ProviderManager(signIn))
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .passwordParameter("token").defaultSuccessUrl("/console", true)
                        .failureUrl(SIGN_IN + "?error"))
                .logout(out -> out.logoutRequestMatcher(path.matcher(POST, "/console/sign-out"))
                        .logoutSuccessUrl(SIGN_IN + "?signed-out").deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.invalidSessionUrl(SIGN_IN + "?expired"))
                .addFilterAfter(new RevokedTokens(apiTokens), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(path.matcher(GET, "/webjars/**"), path.matcher(GET, "/console/assets/**"),
                                path.matcher(SIGN_IN), path.matcher(GET, "/console/lookup"),
                                path.matcher(GET, "/console/check/**")).permitAll()
                        .requestMatchers(path.matcher(POST, "/console/prefixes"),
                                path.matcher(POST, "/console/prefixes/{prefix}/suspension"),
                                path.matcher(POST, "/console/prefixes/{prefix}/reinstatement"),
                                path.matcher(POST, "/console/prefixes/{prefix}/transfer"),
                                path.matcher(POST, "/console/registrants/**"),
                                path.matcher(POST, "/console/tokens/**")).hasRole(Role.AGENCY.name())
                        // A registrant reads its own file (checked by the page), not the list.
                        .requestMatchers(path.matcher(GET, "/console/tokens/**"),
                                path.matcher(GET, "/console/registrants"), path.matcher(GET, "/console/registrants/new"))
                        .hasAnyRole(Role.AGENCY.name(), Role.AUDITOR.name())
                        // Auditors read everything and change nothing; a registrant's prefixes are checked per change.
                        .requestMatchers(path.matcher(POST, "/console/**"))
                        .hasAnyRole(Role.AGENCY.name(), Role.REGISTRANT.name())
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * Reads the session's token again on every request: a token revoked (or expired) since it signed in ends its
     * session; otherwise the request acts with the token as it is now (a registrant's token covers the prefixes its
     * registrant holds now, as on the API).
     */
    private static final class RevokedTokens extends OncePerRequestFilter {

        private final ApiTokens tokens;

        RevokedTokens(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication signedIn) {
                Optional<ApiToken> now = tokens.find(signedIn.getPrincipal().id())
                        .filter(token -> token.revokedAt() == null && !tokens.expired(token));
                if (now.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    response.sendRedirect(request.getContextPath() + SIGN_IN + "?expired");
                    return;
                }
                SecurityContext current = SecurityContextHolder.createEmptyContext();
                current.setAuthentication(TokenAuthentication.of(now.get()));
                SecurityContextHolder.setContext(current);
            }
            chain.doFilter(request, response);
        }
    }
}
