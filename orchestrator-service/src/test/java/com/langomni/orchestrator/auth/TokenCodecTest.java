package com.langomni.orchestrator.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCodecTest {

    private static final long NOW = 1_800_000_000L;
    private final ObjectMapper json = new ObjectMapper();
    private final TokenCodec codec = new TokenCodec("unit-test-secret", json);
    private static final String SID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";
    private final TokenClaims claims = new TokenClaims("4f9c2d1e-0000-4000-8000-000000000001", "Ada", "player", SID,
            NOW + 60);

    @Test
    void roundTripsClaims() {
        assertEquals(Optional.of(claims), codec.decode(codec.encode(claims), NOW));
    }

    @Test
    void refusesAnExpiredToken() {
        String token = codec.encode(claims);
        assertTrue(codec.decode(token, NOW + 60).isEmpty());
        assertTrue(codec.decode(token, NOW + 3600).isEmpty());
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String forged = new TokenCodec("another-secret", json).encode(claims);
        assertTrue(codec.decode(forged, NOW).isEmpty());
    }

    @Test
    void refusesATamperedPayload() {
        String token = codec.encode(claims);
        String signature = token.substring(token.indexOf('.') + 1);
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + claims.sub() + "\",\"name\":\"Ada\",\"role\":\"admin\",\"sid\":\"" + SID
                        + "\",\"expiresAt\":" + (NOW + 60) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(codec.decode(admin + "." + signature, NOW).isEmpty());
    }

    @Test
    void refusesATamperedSignature() {
        String token = codec.encode(claims);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertTrue(codec.decode(tampered, NOW).isEmpty());
    }

    @Test
    void refusesGarbage() {
        for (String garbage : new String[] {null, "", ".", "abc", "a.b.c", "!!!.???", "e30.", ".e30",
                "x".repeat(5000)}) {
            assertTrue(codec.decode(garbage, NOW).isEmpty(), () -> "accepted " + garbage);
        }
    }

    @Test
    void refusesAValidlySignedPayloadWithoutSubject() {
        TokenClaims anonymous = new TokenClaims(null, "Ada", "player", SID, NOW + 60);
        assertTrue(codec.decode(codec.encode(anonymous), NOW).isEmpty());
    }

    @Test
    void refusesATokenFromBeforeSessions() {
        TokenClaims sessionless = new TokenClaims(claims.sub(), "Ada", "player", null, NOW + 60);
        assertTrue(codec.decode(codec.encode(sessionless), NOW).isEmpty());
    }

    @Test
    void needsASecret() {
        assertThrows(IllegalArgumentException.class, () -> new TokenCodec("", json));
    }
}
