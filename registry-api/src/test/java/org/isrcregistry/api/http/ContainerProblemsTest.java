package org.isrcregistry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.RawHttp;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whatever a client sends, the answer is a problem document: requests the servlet container refuses before the
 * registry sees them, its error page, and errors whose Accept allows no JSON. Sent byte for byte on a socket.
 */
@RegistryIntegrationTest
class ContainerProblemsTest extends WithNewPrefix {

    private static final String AGENCY = "Authorization: Bearer " + AgencyToken.SECRET + "\r\n";

    @LocalServerPort
    int port;

    static Stream<Arguments> requestsTheContainerRefuses() {
        return Stream.of(
                Arguments.of("an encoded slash in the path", "GET /v1/recordings/CA%2FK7Q2600001 HTTP/1.1\r\n"),
                Arguments.of("an encoded NUL in the path", "GET /v1/recordings/CAK7Q%002600001 HTTP/1.1\r\n"),
                Arguments.of("a bad % escape", "GET /v1/recordings/CAK7Q%zz HTTP/1.1\r\n"),
                Arguments.of("bad UTF-8 in the path", "GET /v1/recordings/CAK7Q%C3%28 HTTP/1.1\r\n"),
                Arguments.of("'[' in the query", "GET /v1/recordings?title=[a] HTTP/1.1\r\n"),
                Arguments.of("a request line over 8 KB", "GET /v1/recordings/" + "A".repeat(10_000) + " HTTP/1.1\r\n"),
                Arguments.of("headers over 8 KB", "GET /v1/recordings/CAK7Q2600001 HTTP/1.1\r\nX-Note: "
                        + "a".repeat(9_000) + "\r\n"),
                Arguments.of("a control byte in a header", "GET /v1/recordings/CAK7Q2600001 HTTP/1.1\r\nX-Note: a\u0001b\r\n"),
                Arguments.of("a bad method token", "G(T /v1/recordings/CAK7Q2600001 HTTP/1.1\r\n"),
                Arguments.of("an unsupported transfer coding", "POST /v1/isrc-validations HTTP/1.1\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n"),
                Arguments.of("an HTTP version other than 1.x", "GET /v1/recordings/CAK7Q2600001 HTTP/3.0\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsTheContainerRefuses")
    void aRequestTheContainerCannotReadIsA400Problem(String what, String requestLineAndHeaders) {
        send(requestLineAndHeaders + "Host: localhost\r\n").assertProblem(400, "malformed-request");
    }

    @Test
    void connectIsA405ProblemNamingTheMethodsThatAreAllowed() {
        RawHttp.Response response = send("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n")
                .assertProblem(405, "method-not-allowed");
        assertThat(response.headers().get("allow")).contains("GET", "POST");
    }

    @Test
    void theContainersOwn404sAndTheErrorPageItselfAreProblems() {
        send("GET /WEB-INF/web.xml HTTP/1.1\r\nHost: localhost\r\n" + AGENCY).assertProblem(404, "not-found");
        send("GET /META-INF/MANIFEST.MF HTTP/1.1\r\nHost: localhost\r\n").assertProblem(404, "not-found");
        send("GET /error HTTP/1.1\r\nHost: localhost\r\n" + AGENCY).assertProblem(404, "not-found");
        send("POST /error HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n" + AGENCY).assertProblem(404, "not-found");
        send("GET /error HTTP/1.1\r\nHost: localhost\r\n").assertProblem(401, "unauthorized");
        send("GET /no/such/path HTTP/1.1\r\nHost: localhost\r\n" + AGENCY).assertProblem(404, "not-found");
    }

    @Test
    void anErrorIsAProblemWhateverTheAcceptHeaderSays() {
        for (String accept : new String[] {"text/html", ";;;", "text/csv"}) {
            // 406: the answer (JSON) is not acceptable
            send("GET /v1/prefixes/" + prefix + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n" + AGENCY)
                    .assertProblem(406, "not-acceptable");
        }
        for (String accept : new String[] {"text/html", ";;;", "*/*;q=0", "text/csv"}) {
            // A change whose answer could not be written is refused before anything is read or done (AcceptableAnswer)
            send("POST /v1/isrc-validations HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 2\r\n", "{}")
                    .assertProblem(406, "not-acceptable");
            String registration = "{\"prefix\": \"" + prefix + "\", \"registrant\": {\"name\": \"Again\"}}";
            send("POST /v1/prefixes HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n" + AGENCY
                    + "Content-Type: application/json\r\nContent-Length: " + registration.length() + "\r\n", registration)
                    .assertProblem(406, "not-acceptable");
        }
        // A query refused for the registry's state, whatever the Accept: 404 with its problem.
        for (String accept : new String[] {"text/html", ";;;", "text/csv"}) {
            send("GET /v1/prefixes/DE-ZZZ HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n" + AGENCY)
                    .assertProblem(404, "prefix-not-registered");
        }
        // 415: the body's type is not one the operation reads; 409: refused by the registry's state
        send("POST /v1/isrc-validations HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 2\r\n", "{}")
                .assertProblem(415, "unsupported-media-type");
        String registration = "{\"prefix\": \"" + prefix + "\", \"registrant\": {\"name\": \"Again\"}}";
        send("POST /v1/prefixes HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n" + AGENCY
                + "Content-Type: application/json\r\nContent-Length: " + registration.length() + "\r\n", registration)
                .assertProblem(409, "prefix-already-registered");
    }

    private RawHttp.Response send(String head) {
        return send(head, "");
    }

    private RawHttp.Response send(String head, String body) {
        return RawHttp.send(port, head + "Connection: close\r\n\r\n" + body);
    }
}
