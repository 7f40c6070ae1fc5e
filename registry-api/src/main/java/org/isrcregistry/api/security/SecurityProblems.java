package org.isrcregistry.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.isrcregistry.api.http.ProblemResponses;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.RefusalLedger;
import org.isrcregistry.api.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's refusals as this API's RFC 9457 problems: 401 without a usable token, 403 without the right, 400
 * for a request its firewall rejects (an encoded slash, "..", a control character in the path ...).
 */
@Component
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ProblemResponses problems;
    private final RefusalLedger refused;

    SecurityProblems(ProblemResponses problems, RefusalLedger refused) {
        this.problems = problems;
        this.refused = refused;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean sentOne = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        // RFC 6750: the challenge, with error="invalid_token" when a token was sent but is not usable.
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"isrc-registry\""
                + (sentOne ? ", error=\"invalid_token\"" : ""));
        problems.write(response, Problems.of(ProblemType.UNAUTHORIZED,
                sentOne ? e.getMessage() : "This operation needs an API token", "Authorization",
                "Send 'Authorization: Bearer <token>' with a token the agency issued; ask the agency for a new one"
                        + " if yours expired or was revoked."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String required = e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof Access.Refusal refusal ? refusal.required : null;
        ProblemDetail problem = forbidden(required);
        refused.record(request, problem);
        problems.write(response, problem);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        problems.write(response, Problems.of(ProblemType.MALFORMED_REQUEST, "The request was rejected: " + e.getMessage(),
                null, "Use one of the methods GET, HEAD, POST, PUT, PATCH, DELETE and a normalised path without encoded"
                        + " separators, '..', or control characters."));
    }

    /** @param required what the request needs that the token lacks, if known */
    public static ProblemDetail forbidden(String required) {
        String token = SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication bearer
                ? bearer.getName() + " (" + bearer.getPrincipal().describe() + ")" : "This token";
        ProblemDetail problem = Problems.of(ProblemType.FORBIDDEN, token + " may not do this"
                        + (required == null ? "" : "; it needs an " + required), null,
                "Use a token allowed to do this; registrants act on their own prefixes only. The agency issues tokens.");
        if (required != null) {
            problem.setProperty("required", required);
        }
        return problem;
    }
}
