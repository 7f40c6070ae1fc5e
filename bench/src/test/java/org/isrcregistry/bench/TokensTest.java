package org.isrcregistry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final String GAP_AWARE = "org.axonframework.eventhandling.GapAwareTrackingToken";
    private static final String REPLAY = "org.axonframework.eventhandling.ReplayToken";

    private static Tokens.Position parse(String type, String json) {
        return Tokens.parse(type, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReplayIsWhereItsInnermostCurrentTokenIsNotAtTheHeadItWasResetFrom() {
        // As Axon 4.13 stores a rebuild just after the reset: a replay token whose start is itself a replay token.
        String justReset = """
                {"tokenAtReset":{"@class":"%s","index":100002,"gaps":[]},"currentToken":{"@class":"%s",\
                "tokenAtReset":{"@class":"%s","index":100002,"gaps":[]},"currentToken":null,"context":null},\
                "context":null}""".formatted(GAP_AWARE, REPLAY, GAP_AWARE);
        assertEquals(new Tokens.Position(-1, true), parse(REPLAY, justReset));

        String halfway = """
                {"tokenAtReset":{"@class":"%s","index":100002,"gaps":[]},"currentToken":{"@class":"%s",\
                "index":48001,"gaps":[]},"context":null}""".formatted(GAP_AWARE, GAP_AWARE);
        assertEquals(new Tokens.Position(48_001, true), parse(REPLAY, halfway));
    }

    @Test
    void aTrackingTokenIsItsIndex() {
        assertEquals(new Tokens.Position(100_002, false), parse(GAP_AWARE, "{\"index\":100002,\"gaps\":[]}"));
    }
}
