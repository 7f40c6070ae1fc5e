package org.isrcregistry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.RawHttp;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.isrcregistry.api.WithNewPrefix;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * A request is authenticated and authorised before its body is read: only its head is sent here, announcing 60 MB,
 * so a registry that read the body would wait for bytes that never come and the socket's read would time out.
 */
@RegistryIntegrationTest
class AuthenticationBeforeBodyTest extends WithNewPrefix {

    private static final Duration NO_WAITING_FOR_A_BODY = Duration.ofSeconds(10);
    private static final String SIXTY_MB = "Content-Length: 60000000\r\n";

    @LocalServerPort
    int port;

    @Test
    void anImportWithoutAUsableTokenIsA401BeforeItsBodyIsRead() {
        String imports = "POST /v1/prefixes/" + prefix + "/recordings/imports HTTP/1.1\r\nContent-Type: text/csv\r\n";
        head(imports).assertProblem(401, "unauthorized");
        head(imports + "Authorization: Bearer isrc_not-a-token-the-registry-issued-0000000\r\n")
                .assertProblem(401, "unauthorized");
        head(imports + "Authorization: Basic dXNlcjpwYXNz\r\n").assertProblem(401, "unauthorized");
        head("POST /v1/anything/imports HTTP/1.1\r\nContent-Type: text/csv\r\n").assertProblem(401, "unauthorized");
    }

    @Test
    void anImportByARegistrantOfAnotherPrefixIsA403BeforeItsBodyIsRead() {
        String othersPrefix = registry.newPrefix();
        JsonNode token = registry.send(HttpMethod.POST, "/v1/admin/tokens", """
                {"name": "Another label", "role": "REGISTRANT", "prefixes": ["%s"]}""".formatted(othersPrefix), null)
                .getBody();
        head("POST /v1/prefixes/" + prefix + "/recordings/imports HTTP/1.1\r\nContent-Type: text/csv\r\n"
                + "Authorization: Bearer " + token.path("token").asText() + "\r\n").assertProblem(403, "forbidden");
    }

    @Test
    void aFormBodyIsNotReadBeforeAuthenticationEither() {
        String isrc = registry.assign(prefix, "Form");
        head("PUT /v1/recordings/" + isrc + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n")
                .assertProblem(401, "unauthorized");
        head("PATCH /v1/recordings/" + isrc + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n")
                .assertProblem(401, "unauthorized");
    }

    @Test
    void theImportLimitIsOnlyForTheImportOperation() {
        // Authorised, but not an import: the JSON limit (1 MB) refuses it from its Content-Length, unread.
        RawHttp.Response response = head("POST /v1/prefixes/" + prefix + "/recordings/imports/x/imports HTTP/1.1\r\n"
                + "Content-Type: text/csv\r\nAuthorization: Bearer " + AgencyToken.SECRET + "\r\n")
                .assertProblem(413, "payload-too-large");
        assertThat(response.json().path("detail").asText()).doesNotContain("import");
    }

    private RawHttp.Response head(String requestLineAndHeaders) {
        return RawHttp.send(port, (requestLineAndHeaders + "Host: localhost\r\n" + SIXTY_MB + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), NO_WAITING_FOR_A_BODY);
    }
}
