package org.isrcregistry.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.isrcregistry.api.problem.ProblemHandler;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.api.security.ApiToken;
import org.isrcregistry.api.security.Role;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.RecordingStatus;
import org.isrcregistry.core.recording.WithdrawalReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page knows (who is signed in, the page's address for the language links) and how a refusal
 * that is not a form's (a right missing, a code in the address that is not registered) is shown: a page with the
 * API's problem, not the API's JSON.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    /** The signed-in token's name, role and prefixes; null on the public pages when nobody is signed in. */
    @ModelAttribute("user")
    ApiToken user() {
        return Access.token().orElse(null);
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", RecordingKind.values());
        model.addAttribute("statuses", RecordingStatus.values());
        model.addAttribute("withdrawalReasons", WithdrawalReason.values());
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    static boolean mayChange() {
        return Access.token().filter(token -> token.role() != Role.AUDITOR).isPresent();
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        return error(model, response, HttpStatus.FORBIDDEN, "error.forbidden", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    String refused(Exception e, Model model, HttpServletResponse response) {
        ProblemDetail problem = e instanceof ErrorResponse spring ? spring.getBody()
                : e instanceof RuntimeException runtime ? ProblemHandler.refusal(runtime).orElse(null) : null;
        if (problem == null) {
            log.error("Unexpected error on a console page", e);
            return error(model, response, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", null);
        }
        Object action = problem.getProperties() == null ? null : problem.getProperties().get("action");
        return error(model, response, HttpStatus.valueOf(problem.getStatus()),
                problem.getStatus() == 404 ? "error.notFound" : "error.refused",
                problem.getDetail() + (action == null ? "" : " " + action));
    }

    private String error(Model model, HttpServletResponse response, HttpStatus status, String title, String detail) {
        response.setStatus(status.value());
        model.addAttribute("user", user());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "console/error";
    }
}
