package com.langomni.orchestrator.admin.stats;

/**
 * Durations counted in fixed buckets, Prometheus style: bucket {@code i} holds the samples at most
 * {@link #BOUNDS_MS}{@code [i]} (and above the previous bound), the last one everything past 20 s. Bucket counts
 * add up across seconds and replicas, which is what lets percentiles be computed cluster-wide afterwards.
 */
public final class LatencyHistogram {

    /** Upper bounds of the buckets, in milliseconds. */
    static final double[] BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000};

    /** Number of buckets: one per bound plus the open one above the last bound. */
    public static final int BUCKETS = BOUNDS_MS.length + 1;

    private LatencyHistogram() {
    }

    /** The bucket a duration of {@code ms} falls in. */
    public static int bucketOf(double ms) {
        for (int i = 0; i < BOUNDS_MS.length; i++) {
            if (ms <= BOUNDS_MS[i]) {
                return i;
            }
        }
        return BOUNDS_MS.length;
    }

    /**
     * The {@code q}-quantile (0..1) of bucket counts, interpolated linearly inside its bucket as Prometheus'
     * {@code histogram_quantile} does; the open bucket answers its lower bound. Null when there is no sample.
     */
    public static Double quantile(long[] counts, double q) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            long count = counts[i];
            if (count > 0 && below + count >= rank) {
                if (i >= BOUNDS_MS.length) {
                    return BOUNDS_MS[BOUNDS_MS.length - 1];
                }
                double lower = i == 0 ? 0 : BOUNDS_MS[i - 1];
                return lower + (BOUNDS_MS[i] - lower) * ((rank - below) / count);
            }
            below += count;
        }
        return BOUNDS_MS[BOUNDS_MS.length - 1];
    }
}
