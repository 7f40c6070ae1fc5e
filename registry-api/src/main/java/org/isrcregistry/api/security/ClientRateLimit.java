package org.isrcregistry.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.isrcregistry.api.http.ProblemResponses;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One client (its remote address) cannot starve the others: requests without a usable token to the public
 * operations and to the console's sign-in are limited per client, and so are failed authentications, which makes
 * guessing tokens slower still than their 256 random bits make it. Either limit used up: {@code 429} with
 * {@code Retry-After}. Failed authentications are logged with the client and the request, never the token. Runs
 * before Spring Security (and before the body is read), so a refused request costs next to nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ClientRateLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimit.class);

    private final RateLimitProperties properties;
    private final ApiTokens tokens;
    private final ProblemResponses problems;
    private final RequestMatcher limited;
    private final Cache<String, Bucket> anonymous;
    private final Cache<String, Bucket> failures;

    ClientRateLimit(RateLimitProperties properties, ApiTokens tokens, ProblemResponses problems) {
        this.properties = properties;
        this.tokens = tokens;
        this.problems = problems;
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        this.limited = new OrRequestMatcher(Stream.concat(SecurityConfiguration.PUBLIC_OPERATIONS.stream()
                        .map(operation -> path.matcher(operation.method(), operation.path())),
                Stream.of(path.matcher("/console/sign-in"), path.matcher("/console/sign-in/**")))
                .map(RequestMatcher.class::cast).toList());
        this.anonymous = buckets(properties.anonymous());
        this.failures = buckets(properties.failedAuthentications());
    }

    /** A client's bucket is forgotten once it would be full again anyway, so idle clients cost no memory. */
    private static Cache<String, Bucket> buckets(RateLimitProperties.Limit limit) {
        return Caffeine.newBuilder().expireAfterAccess(limit.period()).maximumSize(1_000_000).build();
    }

    private static Bucket bucket(RateLimitProperties.Limit limit) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.requests())
                .refillGreedy(limit.requests(), limit.period()).build()).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            Bucket failed = failures.get(client, c -> bucket(properties.failedAuthentications()));
            long wait = failed.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            if (wait > 0) {
                refuse(response, wait, "Too many failed authentications from this client",
                        "Check the token you send; wait the Retry-After seconds before sending a token again.");
                return;
            }
        }
        if (limited.matches(request) && !usableToken(header)) {
            ConsumptionProbe probe = anonymous.get(client, c -> bucket(properties.anonymous()))
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refuse(response, probe.getNanosToWaitForRefill(), "Too many requests without a token from this"
                                + " client: at most " + properties.anonymous().requests() + " per "
                                + properties.anonymous().period(),
                        "Wait the Retry-After seconds, or ask the agency for an API token.");
                return;
            }
        }
        chain.doFilter(request, response);
        if (header != null && response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            long left = failures.get(client, c -> bucket(properties.failedAuthentications()))
                    .tryConsumeAndReturnRemaining(1).getRemainingTokens();
            log.warn("Failed authentication from {} on {} {} ({} more allowed now)", client, request.getMethod(),
                    request.getRequestURI(), left);
        }
    }

    /**
     * Whether the request carries a token the registry would accept. The public look-ups skip Spring Security, so a
     * made-up token must not exempt them; a registrant's or the agency's own look-ups are not limited.
     */
    private boolean usableToken(String header) {
        if (header == null) {
            return false;
        }
        Matcher bearer = TokenAuthenticator.BEARER.matcher(header);
        Optional<ApiToken> token = bearer.matches() ? tokens.bySecret(bearer.group(1)) : Optional.empty();
        return token.filter(t -> t.revokedAt() == null && !tokens.expired(t)).isPresent();
    }

    private void refuse(HttpServletResponse response, long nanosToWait, String detail, String action)
            throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, Problems.of(ProblemType.TOO_MANY_REQUESTS, detail, null, action));
    }
}
