package org.isrcregistry.api.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A right checked in a controller (the URL rules are checked before it, by Spring Security) answers as Spring
 * Security's own refusal does: 403 naming what the token lacks. Before the problem handler, which answers everything
 * else; after the console's advice, which answers its pages in HTML.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessDeniedProblems {

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return SecurityProblems.forbidden(e.getMessage());
    }
}
