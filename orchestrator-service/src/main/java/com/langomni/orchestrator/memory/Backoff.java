package com.langomni.orchestrator.memory;

import java.time.Duration;

/** Exponential backoff: {@code initial} after the first failure, doubled after each further one, at most {@code max}. */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after {@code failures} failures in a row (zero before any). */
    public static Duration after(long failures, Duration initial, Duration max) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long shift = Math.min(failures - 1, 62);
        long initialMillis = initial.toMillis();
        if (initialMillis > (max.toMillis() >> shift)) {
            return max; // doubling further would pass the maximum (or overflow)
        }
        return Duration.ofMillis(initialMillis << shift);
    }
}
