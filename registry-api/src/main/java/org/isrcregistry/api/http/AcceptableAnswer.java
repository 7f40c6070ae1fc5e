package org.isrcregistry.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change is refused with 406 before it is made when its answer could not be written: every POST, PUT, PATCH and
 * DELETE answers JSON (or a JSON problem), so an {@code Accept} that rules out {@code application/json} (such as
 * {@code text/html} or {@code *}{@code /*;q=0}) or cannot be read ({@code ;;;}) is refused here. Spring decides the
 * answer's type only after the controller ran, when the command had already committed (and a token been issued
 * whose secret nobody saw). Runs after authentication and before the idempotency filter.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 5)
public class AcceptableAnswer extends OncePerRequestFilter {


    private final ProblemResponses problems;

    AcceptableAnswer(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !switch (request.getMethod()) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty() || acceptsJson(accept)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, Problems.of(ProblemType.NOT_ACCEPTABLE, "This operation answers application/json"
                        + " (application/problem+json when refused), which the Accept header does not allow in a"
                        + " readable form; nothing was changed", "Accept",
                "Send Accept: application/json (or leave the header out) and send the request again."));
    }

    /**
     * Whether, for JSON, the most specific media range that matches has a quality above 0. JSON, not a JSON problem:
     * the answer of a change that succeeds is JSON, and only a success commits anything.
     */
    static boolean acceptsJson(List<String> headers) {
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(headers);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        MediaType closest = null;
        for (MediaType range : ranges) {
            if (range.includes(MediaType.APPLICATION_JSON)
                    && (closest == null || specificity(range) > specificity(closest))) {
                closest = range;
            }
        }
        return closest != null && closest.getQualityValue() > 0;
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }
}
