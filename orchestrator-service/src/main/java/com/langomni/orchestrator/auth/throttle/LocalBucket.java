package com.langomni.orchestrator.auth.throttle;

/** A token bucket in this JVM: the login throttles' fallback while Redis cannot keep their counts. */
final class LocalBucket {

    private final double perSecond;
    private final int burst;
    private double tokens;
    private long last;

    LocalBucket(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
        this.last = System.nanoTime();
    }

    synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
