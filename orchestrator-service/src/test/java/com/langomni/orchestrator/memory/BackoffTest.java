package com.langomni.orchestrator.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        assertEquals(Duration.ZERO, Backoff.after(0, INITIAL, MAX));
        assertEquals(Duration.ofMillis(500), Backoff.after(1, INITIAL, MAX));
        assertEquals(Duration.ofMillis(1000), Backoff.after(2, INITIAL, MAX));
        assertEquals(Duration.ofMillis(16_000), Backoff.after(6, INITIAL, MAX));
        assertEquals(MAX, Backoff.after(7, INITIAL, MAX));
    }

    @Test
    void neverOverflowsHoweverManyFailures() {
        assertEquals(MAX, Backoff.after(1_000_000, INITIAL, MAX));
        assertEquals(MAX, Backoff.after(Long.MAX_VALUE, Duration.ofHours(1), MAX));
        assertEquals(Duration.ofDays(1), Backoff.after(40, Duration.ofDays(10_000), Duration.ofDays(1)));
    }
}
