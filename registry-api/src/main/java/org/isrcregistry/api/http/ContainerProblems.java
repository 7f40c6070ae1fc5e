package org.isrcregistry.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every answer a client gets is a problem document (docs/problems.md), also where no controller of the API runs:
 * <ul>
 * <li>requests the servlet container refuses before any filter, because it cannot read them as HTTP (a malformed
 * request line, path, query or header, headers too large, an unsupported method or transfer coding): Tomcat's HTML
 * error report valve is replaced by one writing problems;</li>
 * <li>errors sent to the error page (the container's 404 for {@code /WEB-INF/}, an exception escaping a filter), and
 * {@code /error} asked for directly: the error controller below, in place of Spring Boot's JSON one;</li>
 * <li>problems Spring MVC writes for an exception: always {@code application/problem+json}, whatever the request's
 * {@code Accept} (RFC 9110 section 12.1 lets a server disregard it), so an unusable {@code Accept} never leaves an
 * error without its body.</li>
 * </ul>
 * Nothing internal is said: no exception, class, path of the server or the container's own wording.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblems implements WebMvcConfigurer {

    /** The methods the API uses, for the Allow header of a refused CONNECT. */
    private static final String API_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(ObjectMapper json) {
        // Runs after Spring Boot's own customizer, which adds an HTML ErrorReportValve to the host: that one goes.
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            // The host adds a valve of this class at start unless it finds one.
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
            host.addValve(new ProblemReportValve(json));
        });
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        // A Content-Type already on the response is used as it is, without negotiating it against Accept.
        resolvers.add(0, (request, response, handler, exception) -> {
            if (!response.isCommitted()) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            }
            return null;
        });
    }

    /**
     * The problem for a request refused by its status alone. The container's 501 (CONNECT, an unknown transfer coding)
     * and 505 (an HTTP version other than 1.x) refuse what the client sent, so they are answered as such: 405 and 400.
     */
    static ProblemDetail refusal(int status, String method) {
        if ("CONNECT".equals(method) && (status == 405 || status == 501)) {
            return Problems.of(ProblemType.METHOD_NOT_ALLOWED, "The registry is not a proxy: CONNECT is not supported",
                    null, "Send the request to the registry itself with one of: " + API_METHODS + ".");
        }
        if (status == 400 || status == 501 || status == 505) {
            return Problems.of(ProblemType.MALFORMED_REQUEST, "The request could not be read as HTTP/1.1: its request"
                    + " line, path, query, headers or framing are malformed or not supported", null,
                    "Send HTTP/1.1 with a standard method; percent-encode the path and query as UTF-8 (RFC 3986), with no"
                            + " encoded '/' or NUL; keep headers under 8 KB, free of control characters; send the body"
                            + " as is, with Content-Length, or chunked.");
        }
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = Problems.of(type, switch (type) {
            case NOT_FOUND -> "There is no resource at this path";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this path";
            case PAYLOAD_TOO_LARGE -> "The request is too large";
            case INTERNAL_ERROR -> "The registry could not complete the request";
            default -> type.title();
        }, null, type == ProblemType.INTERNAL_ERROR ? "Retry later (with the same Idempotency-Key); report it if it"
                + " persists." : "See the API description at /v3/api-docs.");
        problem.setStatus(status);
        return problem;
    }

    /** Tomcat's error report, as a problem. */
    static final class ProblemReportValve extends ErrorReportValve {

        private final ObjectMapper json;

        ProblemReportValve(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            // As Tomcat's own: only an error status, only if nothing was written, only once.
            if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return; // the connection is already broken
            }
            ProblemDetail problem = refusal(response.getStatus(), request.getMethod());
            try {
                response.setStatus(problem.getStatus());
                if (problem.getStatus() == 405) {
                    response.setHeader(HttpHeaders.ALLOW, API_METHODS);
                }
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException gone) {
                // the client is gone: nobody to tell
            }
        }
    }

    /** The error page: what the container sends there, and {@code /error} asked for directly (there is none). */
    @Hidden
    @RestController
    static class ErrorPage implements ErrorController {

        private final ProblemResponses problems;

        ErrorPage(ProblemResponses problems) {
            this.problems = problems;
        }

        @RequestMapping("${server.error.path:/error}")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
            ProblemDetail problem = refusal(status, request.getMethod());
            if (problem.getStatus() == 405) {
                response.setHeader(HttpHeaders.ALLOW, API_METHODS);
            }
            problems.write(response, problem);
        }
    }
}
