package com.langomni.simulator.domain;

/** The "loading the model" window: /health answers 503 and requests are refused until it passes. */
public final class StartupGate {
    private final SimClock clock;
    private volatile long readyAt;

    public StartupGate(SimClock clock, long loadingNanos) {
        this.clock = clock;
        this.readyAt = clock.nanoTime() + Math.max(0, loadingNanos);
    }

    public boolean loading() {
        return clock.nanoTime() - readyAt < 0;
    }

    /** Starts loading again for the given time (a slow restart); 0 makes the server ready now. */
    public void loadFor(long nanos) {
        readyAt = clock.nanoTime() + Math.max(0, nanos);
    }
}
