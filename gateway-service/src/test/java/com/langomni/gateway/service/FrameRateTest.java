package com.langomni.gateway.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class FrameRateTest {

    private final AtomicLong now = new AtomicLong();
    private final FrameRate rate = new FrameRate(10, 3, now::get);

    @Test
    void allowsTheBurstThenRefusesUntilTokensRefill() {
        assertTrue(rate.tryAcquire());
        assertTrue(rate.tryAcquire());
        assertTrue(rate.tryAcquire());
        assertFalse(rate.tryAcquire());

        now.addAndGet(100_000_000L); // 100 ms at 10/s = one token
        assertTrue(rate.tryAcquire());
        assertFalse(rate.tryAcquire());
    }

    @Test
    void refillNeverExceedsTheBurst() {
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertTrue(rate.tryAcquire());
        }
        assertFalse(rate.tryAcquire());
    }
}
