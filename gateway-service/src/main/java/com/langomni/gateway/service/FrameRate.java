package com.langomni.gateway.service;

import java.util.function.LongSupplier;

/**
 * Per-socket token bucket over every inbound frame (pings and bad frames too). The action queue bounds work;
 * this bounds the cost of a client that spams cheap frames. Not thread-safe: one socket's callbacks run serially.
 */
public final class FrameRate {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    public FrameRate(int perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes one token; false when the client is sending faster than allowed. */
    public boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
