package com.langomni.simulator.domain;

/** A Prometheus-style cumulative histogram. Not thread-safe: the engine guards it. */
public final class Histogram {
    private final double[] bounds;
    private final long[] counts;
    private long count;
    private double sum;

    public Histogram(double... bounds) {
        this.bounds = bounds.clone();
        this.counts = new long[bounds.length];
    }

    public void observe(double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                counts[i]++;
                break;
            }
        }
        count++;
        sum += value;
    }

    public Snapshot snapshot() {
        long[] cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i];
            cumulative[i] = running;
        }
        return new Snapshot(bounds.clone(), cumulative, count, sum);
    }

    /** Buckets as Prometheus exposes them: {@code cumulative[i]} observations were ≤ {@code bounds[i]}. */
    public record Snapshot(double[] bounds, long[] cumulative, long count, double sum) {
    }
}
