package com.langomni.orchestrator.admin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void aDurationFallsInTheFirstBucketWhoseBoundHoldsIt() {
        assertEquals(0, LatencyHistogram.bucketOf(0));
        assertEquals(0, LatencyHistogram.bucketOf(1));
        assertEquals(1, LatencyHistogram.bucketOf(1.01));
        assertEquals(3, LatencyHistogram.bucketOf(10));
        assertEquals(13, LatencyHistogram.bucketOf(20_000));
        assertEquals(14, LatencyHistogram.bucketOf(20_000.5));
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.bucketOf(Double.MAX_VALUE));
    }

    @Test
    void noSamplesMeansNoPercentile() {
        assertNull(LatencyHistogram.quantile(new long[LatencyHistogram.BUCKETS], 0.5));
    }

    @Test
    void aPercentileIsInterpolatedInsideItsBucket() {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        counts[LatencyHistogram.bucketOf(8)] = 10; // (5, 10]
        assertEquals(7.5, LatencyHistogram.quantile(counts, 0.5), 1e-9);
        assertEquals(9.75, LatencyHistogram.quantile(counts, 0.95), 1e-9);
    }

    @Test
    void percentilesFollowTheSpreadAcrossBuckets() {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        counts[LatencyHistogram.bucketOf(15)] = 90; // (10, 20]
        counts[LatencyHistogram.bucketOf(300)] = 10; // (200, 500]
        assertEquals(10 + 10 * 50 / 90.0, LatencyHistogram.quantile(counts, 0.5), 1e-9);
        assertEquals(350.0, LatencyHistogram.quantile(counts, 0.95), 1e-9);
        assertEquals(470.0, LatencyHistogram.quantile(counts, 0.99), 1e-9);
    }

    @Test
    void theOpenBucketAnswersItsLowerBound() {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        counts[LatencyHistogram.BUCKETS - 1] = 3;
        assertEquals(20_000.0, LatencyHistogram.quantile(counts, 0.5), 1e-9);
    }
}
