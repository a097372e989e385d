package com.langomni.memory.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetrievalScorerTest {

    private static final long HOUR = 3_600_000L;
    private static final long NOW = 1_000 * HOUR;

    @Test
    void normaliseIsMinMaxWhenTheSpreadIsLarge() {
        assertArrayEquals(new double[] {0, 0.5, 1}, RetrievalScorer.normalise(new double[] {2, 4, 6}, 0.1), 1e-9);
        assertArrayEquals(new double[] {1, 0}, RetrievalScorer.normalise(new double[] {-0.2, -0.6}, 0), 1e-9);
    }

    @Test
    void normaliseMapsAConstantComponentToOne() {
        assertArrayEquals(new double[] {1, 1, 1}, RetrievalScorer.normalise(new double[] {0.3, 0.3, 0.3}, 0), 1e-9);
        assertArrayEquals(new double[] {1, 1}, RetrievalScorer.normalise(new double[] {0.3, 0.3}, 0.1), 1e-9);
    }

    @Test
    void normaliseDoesNotStretchNoiseBelowTheSpreadFloor() {
        double[] out = RetrievalScorer.normalise(new double[] {0.999999, 1.0}, 0.1);
        assertEquals(1.0, out[1], 1e-12);
        assertEquals(0.99999, out[0], 1e-6);
        // The paper's plain min-max (floor 0) stretches the same noise to the full range.
        assertArrayEquals(new double[] {0, 1}, RetrievalScorer.normalise(new double[] {0.999999, 1.0}, 0), 1e-9);
    }

    @Test
    void recencyDecaysExponentiallyPerHourSinceLastAccess() {
        assertEquals(1.0, RetrievalScorer.recency(NOW, NOW, 0.995), 1e-12);
        assertEquals(0.995, RetrievalScorer.recency(NOW - HOUR, NOW, 0.995), 1e-12);
        assertEquals(Math.pow(0.995, 24), RetrievalScorer.recency(NOW - 24 * HOUR, NOW, 0.995), 1e-12);
        assertEquals(Math.pow(0.995, 0.5), RetrievalScorer.recency(NOW - HOUR / 2, NOW, 0.995), 1e-12);
        assertEquals(1.0, RetrievalScorer.recency(NOW + HOUR, NOW, 0.995), 1e-12, "future access counts as now");
    }

    @Test
    void equalWeightsAddTheNormalisedComponents() {
        RetrievalScorer scorer = new RetrievalScorer(new ScoringParams(1, 1, 1, 0.995, 0));
        List<RetrievalScorer.Scored<String>> ranked = scorer.rank(List.of(
                new RetrievalScorer.Candidate<>("relevant-old-mundane", 0.9, NOW - 100 * HOUR, 1),
                new RetrievalScorer.Candidate<>("irrelevant-new-important", 0.1, NOW, 10),
                new RetrievalScorer.Candidate<>("middling", 0.5, NOW - 50 * HOUR, 5)), NOW, 3);

        // irrelevant-new-important: rel 0 + rec 1 + imp 1 = 2; relevant-old-mundane: 1 + 0 + 0 = 1.
        assertEquals("irrelevant-new-important", ranked.get(0).item());
        assertEquals(2.0, ranked.get(0).score(), 1e-9);
        assertEquals(0.1, ranked.get(0).relevance(), 1e-12, "raw cosine is reported, not the normalised one");
        assertEquals("relevant-old-mundane", ranked.get(2).item());
        assertEquals(1.0, ranked.get(2).score(), 1e-9);
        double rec50 = (Math.pow(0.995, 50) - Math.pow(0.995, 100)) / (1 - Math.pow(0.995, 100));
        assertEquals(0.5 + rec50 + 4 / 9d, ranked.get(1).score(), 1e-9);
    }

    @Test
    void weightsSelectWhichComponentDecides() {
        List<RetrievalScorer.Candidate<String>> candidates = List.of(
                new RetrievalScorer.Candidate<>("relevant", 0.9, NOW - 100 * HOUR, 2),
                new RetrievalScorer.Candidate<>("recent", 0.2, NOW, 2),
                new RetrievalScorer.Candidate<>("important", 0.2, NOW - 100 * HOUR, 9));

        assertEquals("relevant", top(new ScoringParams(1, 0, 0, 0.995, 0.1), candidates));
        assertEquals("recent", top(new ScoringParams(0, 1, 0, 0.995, 0.1), candidates));
        assertEquals("important", top(new ScoringParams(0, 0, 1, 0.995, 0.1), candidates));
        assertEquals("relevant", top(new ScoringParams(3, 1, 1, 0.995, 0.1), candidates));
    }

    @Test
    void limitCutsTheRankingAndKeepsItSorted() {
        RetrievalScorer scorer = new RetrievalScorer(ScoringParams.DEFAULT);
        List<RetrievalScorer.Scored<Integer>> ranked = scorer.rank(List.of(
                new RetrievalScorer.Candidate<>(1, 0.1, NOW, 5),
                new RetrievalScorer.Candidate<>(2, 0.9, NOW, 5),
                new RetrievalScorer.Candidate<>(3, 0.5, NOW, 5)), NOW, 2);
        assertEquals(List.of(2, 3), ranked.stream().map(RetrievalScorer.Scored::item).toList());
        assertEquals(List.of(), scorer.rank(List.<RetrievalScorer.Candidate<Integer>>of(), NOW, 5));
    }

    @Test
    void invalidParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ScoringParams(-1, 1, 1, 0.995, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ScoringParams(1, 1, 1, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ScoringParams(1, 1, 1, 1.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ScoringParams(1, 1, 1, 0.995, 2));
    }

    private static String top(ScoringParams params, List<RetrievalScorer.Candidate<String>> candidates) {
        return new RetrievalScorer(params).rank(candidates, NOW, 1).get(0).item();
    }
}
