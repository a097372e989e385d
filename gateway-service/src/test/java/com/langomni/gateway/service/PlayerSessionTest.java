package com.langomni.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PlayerSessionTest {

    @Test
    void keepsAShortCloseReason() {
        assertEquals("Kicked by an admin", PlayerSession.fitCloseReason("Kicked by an admin"));
        assertEquals("", PlayerSession.fitCloseReason(null));
    }

    @Test
    void cutsACloseReasonToTheRfcLimitOf123Bytes() {
        String fitted = PlayerSession.fitCloseReason("é".repeat(100));

        assertTrue(fitted.getBytes(StandardCharsets.UTF_8).length <= 123);
        assertEquals("é".repeat(61), fitted);
    }

    @Test
    void neverShowsTheTokenWhenPrinted() {
        PlayerSession session = new PlayerSession(null, "ann", "secret-token", 1, new FrameRate(20, 40, System::nanoTime), (s, a) -> null);

        assertFalse(session.toString().contains("secret-token"));
    }
}
