package com.langomni.simulator.domain;

/** A clock that only moves when told to. */
final class FakeClock implements SimClock {
    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    void set(long nanos) {
        if (nanos < now) {
            throw new IllegalStateException("time cannot go back");
        }
        now = nanos;
    }

    void advanceMillis(double ms) {
        now += Math.round(ms * 1_000_000);
    }
}
