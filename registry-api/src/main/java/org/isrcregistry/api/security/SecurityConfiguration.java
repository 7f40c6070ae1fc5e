package org.isrcregistry.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.function.Predicate;
import org.isrcregistry.api.config.OpenApiConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Bearer API tokens and least privilege per role (docs/security.md): stateless, no sessions, no CSRF (no cookies
 * carry credentials). The rules are read top to bottom; the first that matches decides, and what no rule names is
 * the agency's alone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    record PublicOperation(HttpMethod method, String path) {
    }

    /** The API's operations open to anybody, without a token. */
    static final List<PublicOperation> PUBLIC_OPERATIONS = List.of(
            new PublicOperation(GET, "/v1/recordings/{isrc}"),
            new PublicOperation(GET, "/v1/recordings/{isrc}/lineage"),
            new PublicOperation(POST, "/v1/isrc-validations"),
            // The ledger's proofs are for anybody to check (docs/ledger.md); its export and verification are not here.
            new PublicOperation(GET, "/v1/ledger/checkpoint"),
            new PublicOperation(GET, "/v1/ledger/checkpoints"),
            new PublicOperation(GET, "/v1/ledger/key"),
            new PublicOperation(GET, "/v1/ledger/leaves/{logIndex}/proof"),
            new PublicOperation(GET, "/v1/ledger/events/{eventIdentifier}"),
            new PublicOperation(GET, "/v1/ledger/recordings/{isrc}/proofs"),
            new PublicOperation(GET, "/v1/ledger/consistency"));

    /**
     * The public look-ups by ISRC skip the filter chain: they need no identity, and they are the registry's busiest
     * requests (2,000/s in the benchmark), where the chain's cost on 2 cores tripled the p99 (docs/security.md).
     */
    @Bean
    WebSecurityCustomizer publicLookUps() {
        return web -> web.ignoring().requestMatchers(publicOperations(method -> method == GET));
    }

    private static RequestMatcher[] publicOperations(Predicate<HttpMethod> method) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return PUBLIC_OPERATIONS.stream()
                .filter(operation -> method.test(operation.method()))
                .map(operation -> path.matcher(operation.method(), operation.path()))
                .toArray(RequestMatcher[]::new);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenAuthenticator tokens, SecurityProblems problems) throws Exception {
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens),
                TokenAuthenticator::bearerToken);
        bearer.setSuccessHandler((request, response, authentication) -> { }); // go on with the request
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAt(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(rules -> rules
                        // The request itself was authorised; its error page and its streamed remainder follow it.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(publicOperations(method -> method != GET)).permitAll()
                        .requestMatchers(path.matcher(GET, "/v3/api-docs/**"), path.matcher(GET, "/swagger-ui/**"),
                                path.matcher(GET, "/swagger-ui.html"),
                                path.matcher(GET, "/actuator/health/**"), path.matcher(GET, "/actuator/info"))
                        .permitAll()
                        .requestMatchers(path.matcher(POST, "/v1/prefixes/{prefix}/recordings"),
                                path.matcher(POST, "/v1/prefixes/{prefix}/recordings/imports"))
                        .access(Access.prefix("prefix"))
                        .requestMatchers(path.matcher(GET, "/v1/prefixes/{prefix}"),
                                path.matcher(GET, "/v1/prefixes/{prefix}/recordings"),
                                path.matcher(GET, "/v1/prefixes/{prefix}/recordings/imports/{id}"),
                                path.matcher(GET, "/v1/prefixes/{prefix}/catalogue"))
                        .access(Access.prefix("prefix", Role.AUDITOR))
                        // Audits and reports: a registrant's answers are limited to its own prefixes (Access.readScope).
                        .requestMatchers(path.matcher(GET, "/v1/audit"), path.matcher(GET, "/v1/compliance/**"),
                                path.matcher(GET, "/v1/catalogue/**"))
                        .access(Access.roles(Role.REGISTRANT, Role.AUDITOR, Role.AGENCY))
                        // Resolving a conflict: a registrant must hold both codes' prefixes (checked by the controller).
                        .requestMatchers(path.matcher(POST, "/v1/compliance/conflicts/{id}/resolution"))
                        .access(Access.roles(Role.REGISTRANT, Role.AGENCY))
                        // Bulk ownership transfers: a registrant's within its own prefixes, and only its own to read.
                        .requestMatchers(path.matcher(POST, "/v1/ownership-transfers"))
                        .access(Access.roles(Role.REGISTRANT, Role.AGENCY))
                        .requestMatchers(path.matcher(GET, "/v1/ownership-transfers/{id}"))
                        .access(Access.roles(Role.REGISTRANT, Role.AUDITOR, Role.AGENCY))
                        .requestMatchers(path.matcher(PUT, "/v1/recordings/{isrc}"),
                                path.matcher(PATCH, "/v1/recordings/{isrc}"),
                                path.matcher(POST, "/v1/recordings/{isrc}/*"))
                        .access(Access.isrc("isrc"))
                        .requestMatchers(path.matcher(GET, "/v1/recordings/{isrc}/history"))
                        .access(Access.isrc("isrc", Role.AUDITOR))
                        .requestMatchers(path.matcher(GET, "/v1/registrants/{id}"),
                                path.matcher(GET, "/v1/registrants/{id}/history"),
                                path.matcher(GET, "/v1/registrants/{id}/clients"),
                                path.matcher(GET, "/v1/registrants/{id}/clients/{client}/recordings"))
                        .access(Access.registrant("id", Role.AUDITOR))
                        // An ISRC Manager records its clients' authorisations itself.
                        .requestMatchers(path.matcher(POST, "/v1/registrants/{id}/clients"))
                        .access(Access.registrant("id"))
                        .requestMatchers(path.matcher(GET, "/**")).access(Access.roles(Role.AUDITOR, Role.AGENCY))
                        .anyRequest().access(Access.roles(Role.AGENCY)))
                .build();
    }

    /** The OpenAPI description says which operations need a token, which need none, and what a refusal looks like. */
    @Bean
    OpenApiCustomizer bearerTokens() {
        return api -> {
            api.getComponents().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("An API token the agency issued (POST /v1/admin/tokens)"));
            api.getPaths().forEach((name, path) -> path.readOperationsMap().forEach((method, operation) -> {
                operation.getResponses().addApiResponse("429", OpenApiConfiguration.problem("Too many requests without"
                        + " a usable token, or too many failed authentications, from this client (ClientRateLimit);"
                        + " see Retry-After"));
                if (PUBLIC_OPERATIONS.contains(new PublicOperation(HttpMethod.valueOf(method.name()), name))) {
                    operation.addSecurityItem(new SecurityRequirement()); // {}: no token needed
                } else {
                    operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
                    operation.getResponses()
                            .addApiResponse("401", OpenApiConfiguration.problem("No token, or one unknown, expired"
                                    + " or revoked"))
                            .addApiResponse("403", OpenApiConfiguration.problem("The token's role or prefixes do not"
                                    + " allow this"));
                }
            }));
        };
    }
}
