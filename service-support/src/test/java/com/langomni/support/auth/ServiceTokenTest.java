package com.langomni.support.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.support.auth.ServiceToken.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ServiceTokenTest {

    static final String SECRET = "a-test-secret-of-at-least-32-characters";
    static final String OLD = "the-previous-secret-still-accepted-0000";
    static final Instant NOW = Instant.parse("2026-12-07T18:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(5);

    @Test
    void aTokenIsTheSignedPayloadInTheAgreedFormat() throws Exception {
        String token = ServiceToken.sign(SECRET, "orchestrator-service", NOW);
        String payload = "v1.orchestrator-service." + NOW.getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(payload + "." + signature, token);
        assertEquals("orchestrator-service", ServiceToken.serviceOf(token));
    }

    @Test
    void aFreshTokenPassesWithinTheWindowEitherSide() {
        List<String> secrets = List.of(SECRET);
        assertEquals(Verdict.OK, ServiceToken.verify(ServiceToken.sign(SECRET, "gw", NOW), secrets, NOW, WINDOW));
        assertEquals(Verdict.OK, ServiceToken.verify(ServiceToken.sign(SECRET, "gw", NOW.minus(WINDOW)), secrets,
                NOW, WINDOW));
        assertEquals(Verdict.OK, ServiceToken.verify(ServiceToken.sign(SECRET, "gw", NOW.plus(WINDOW)), secrets,
                NOW, WINDOW));
    }

    @Test
    void anOldOrFutureTokenHasExpired() {
        List<String> secrets = List.of(SECRET);
        assertEquals(Verdict.EXPIRED, ServiceToken.verify(
                ServiceToken.sign(SECRET, "gw", NOW.minus(WINDOW).minusSeconds(1)), secrets, NOW, WINDOW));
        assertEquals(Verdict.EXPIRED, ServiceToken.verify(
                ServiceToken.sign(SECRET, "gw", NOW.plus(WINDOW).plusSeconds(1)), secrets, NOW, WINDOW));
    }

    @Test
    void aTokenOfAnotherSecretOrAlteredIsRefused() {
        List<String> secrets = List.of(SECRET);
        String token = ServiceToken.sign(SECRET, "gw", NOW);
        assertEquals(Verdict.BAD_SIGNATURE, ServiceToken.verify(ServiceToken.sign(OLD, "gw", NOW), secrets, NOW,
                WINDOW));
        // the same signature claiming another service or another time
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertEquals(Verdict.BAD_SIGNATURE, ServiceToken.verify("v1.admin." + NOW.getEpochSecond() + "." + signature,
                secrets, NOW, WINDOW));
        assertEquals(Verdict.BAD_SIGNATURE, ServiceToken.verify("v1.gw." + (NOW.getEpochSecond() + 1) + "."
                + signature, secrets, NOW, WINDOW));
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(Verdict.BAD_SIGNATURE, ServiceToken.verify(flipped, secrets, NOW, WINDOW));
    }

    @Test
    void aPreviousSecretIsAcceptedWhileListed() {
        String signedWithOld = ServiceToken.sign(OLD, "gw", NOW);
        assertEquals(Verdict.OK, ServiceToken.verify(signedWithOld, List.of(SECRET, OLD), NOW, WINDOW));
        assertEquals(Verdict.BAD_SIGNATURE, ServiceToken.verify(signedWithOld, List.of(SECRET), NOW, WINDOW));
    }

    @Test
    void malformedTokensAreNamedSo() {
        List<String> secrets = List.of(SECRET);
        assertEquals(Verdict.MISSING, ServiceToken.verify(null, secrets, NOW, WINDOW));
        assertEquals(Verdict.MISSING, ServiceToken.verify(" ", secrets, NOW, WINDOW));
        String good = ServiceToken.sign(SECRET, "gw", NOW);
        String signature = good.substring(good.lastIndexOf('.') + 1);
        for (String bad : List.of("Bearer x", "v1.gw." + NOW.getEpochSecond(), "v2.gw." + NOW.getEpochSecond() + "."
                + signature, "v1.GW." + NOW.getEpochSecond() + "." + signature, "v1.gw.-5." + signature,
                "v1.gw.12x." + signature, "v1.gw." + NOW.getEpochSecond() + ".not base64!", good + ".extra",
                "v1..1." + signature)) {
            assertEquals(Verdict.MALFORMED, ServiceToken.verify(bad, secrets, NOW, WINDOW), bad);
        }
    }

    @Test
    void aServiceNameThatWouldBreakTheFormatCannotSign() {
        assertThrows(IllegalArgumentException.class, () -> ServiceToken.sign(SECRET, "a.b", NOW));
        assertThrows(IllegalArgumentException.class, () -> ServiceToken.sign(SECRET, "", NOW));
        assertTrue(ServiceToken.sign(SECRET, "memory-service", NOW).startsWith("v1.memory-service."));
    }
}
