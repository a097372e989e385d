package com.langomni.gateway.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/** Refused actions of one socket in a sliding window: more than {@code limit} of them is abuse. */
public final class RefusalCount {

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Deque<Long> times = new ArrayDeque<>();

    public RefusalCount(int limit, long windowNanos, LongSupplier clock) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.clock = clock;
    }

    /** Counts one refusal now; true when more than {@code limit} fell within the window. */
    public synchronized boolean add() {
        long now = clock.getAsLong();
        while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
            times.pollFirst();
        }
        times.addLast(now);
        if (times.size() > limit + 1) {
            times.pollFirst();
        }
        return times.size() > limit;
    }
}
