package org.isrcregistry.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.isrcregistry.api.AgencyToken;
import org.isrcregistry.api.RawHttp;
import org.isrcregistry.api.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code Authorization} is read strictly (docs/security.md): one header, the scheme (in any case), one space, the
 * token. Sent byte for byte on a socket, since HTTP clients repair some of these before sending.
 */
@RegistryIntegrationTest
class AuthorizationHeaderTest {

    private static final String TOKEN = AgencyToken.SECRET;

    @LocalServerPort
    int port;

    @Test
    void theCanonicalFormAndTheSchemeInAnyCaseAreAccepted() {
        for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
            assertThat(tokens("Authorization: " + scheme + " " + TOKEN + "\r\n").status()).as(scheme).isEqualTo(200);
        }
    }

    @Test
    void whitespaceAroundTheWholeValueIsNotPartOfItAndIsAccepted() {
        // RFC 9110 section 5.5: optional whitespace before and after a field value is not part of the value.
        assertThat(tokens("Authorization:   Bearer " + TOKEN + "  \r\n").status()).isEqualTo(200);
        assertThat(tokens("Authorization:\tBearer " + TOKEN + "\r\n").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer  %s", "Bearer\t%s", "Bearer %s %s", "Bearer:%s", "Bearer%s", " Bearer %s,",
            "Bearer %s, Bearer %s", "Bearer \"%s\"", "Token %s", "Basic %s"})
    void anyOtherFormIsA401Problem(String form) {
        String value = form.replace("%s", TOKEN);
        RawHttp.Response response = tokens("Authorization: " + value + "\r\n").assertProblem(401, "unauthorized");
        assertThat(response.headers().get("www-authenticate")).contains("invalid_token");
        assertThat(response.body()).doesNotContain(TOKEN);
    }

    @Test
    void twoAuthorizationHeadersAreA401ProblemEvenIfTheFirstIsValid() {
        tokens("Authorization: Bearer " + TOKEN + "\r\nAuthorization: Bearer " + TOKEN + "\r\n")
                .assertProblem(401, "unauthorized");
        tokens("Authorization: Bearer " + TOKEN + "\r\nAuthorization: Bearer isrc_unknown\r\n")
                .assertProblem(401, "unauthorized");
        tokens("Authorization: Bearer " + TOKEN + "\r\nAuthorization: \r\n").assertProblem(401, "unauthorized");
    }

    @Test
    void aHeaderFoldedOverTwoLinesIsReadAsTheOneLineItStandsFor() {
        // RFC 9112 section 5.2 lets the container replace the fold (CRLF and whitespace) with spaces; Tomcat does.
        assertThat(tokens("Authorization: Bearer\r\n " + TOKEN + "\r\n").status()).isEqualTo(200);
    }

    /** The token list: AGENCY and AUDITOR only, so a 200 means the header was read as the agency's token. */
    private RawHttp.Response tokens(String authorization) {
        return RawHttp.send(port, "GET /v1/admin/tokens HTTP/1.1\r\nHost: localhost\r\n" + authorization
                + "Connection: close\r\n\r\n");
    }
}
