package com.langomni.memory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Retrieval scoring after Generative Agents (Park et al. 2023):
 * {@code score = wRel * relevance + wRec * recency + wImp * importance}, each component normalised to
 * [0, 1] over the candidate set. Raw components: relevance is the cosine similarity to the query, recency is
 * {@code decay^(hours since last access)}, importance is {@code importance / 10}.
 * <p>
 * Normalisation is min-max with a floor on the spread ({@link ScoringParams#minSpread()}): the best
 * candidate of a component gets 1 and the others {@code 1 - (max - v) / max(max - min, minSpread)}. A
 * component equal for every candidate is 1 for all, so it shifts no ranking.
 */
public final class RetrievalScorer {

    private static final double MILLIS_PER_HOUR = 3_600_000d;

    private final ScoringParams params;

    public RetrievalScorer(ScoringParams params) {
        this.params = params;
    }

    /** A memory considered for retrieval, with its cosine similarity to the query. */
    public record Candidate<T>(T item, double relevance, long lastAccessAt, int importance) {
    }

    /** A scored candidate; {@code relevance} is the raw cosine, not the normalised one. */
    public record Scored<T>(T item, double score, double relevance) {
    }

    /** The best {@code limit} candidates, best first; ties keep the candidates' order. */
    public <T> List<Scored<T>> rank(List<Candidate<T>> candidates, long now, int limit) {
        int n = candidates.size();
        double[] relevance = new double[n];
        double[] recency = new double[n];
        double[] importance = new double[n];
        for (int i = 0; i < n; i++) {
            Candidate<T> c = candidates.get(i);
            relevance[i] = c.relevance();
            recency[i] = recency(c.lastAccessAt(), now, params.decayPerHour());
            importance[i] = c.importance() / 10d;
        }
        double[] rel = normalise(relevance, params.minSpread());
        double[] rec = normalise(recency, params.minSpread());
        double[] imp = normalise(importance, params.minSpread());
        List<Scored<T>> scored = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double score = params.relevanceWeight() * rel[i] + params.recencyWeight() * rec[i]
                    + params.importanceWeight() * imp[i];
            scored.add(new Scored<>(candidates.get(i).item(), score, relevance[i]));
        }
        scored.sort(Comparator.comparingDouble((Scored<T> s) -> s.score()).reversed());
        return List.copyOf(scored.subList(0, Math.min(Math.max(limit, 0), n)));
    }

    /** {@code decay^hours} since the last access; an access in the future counts as now. */
    public static double recency(long lastAccessAt, long now, double decayPerHour) {
        double hours = Math.max(0, now - lastAccessAt) / MILLIS_PER_HOUR;
        return Math.pow(decayPerHour, hours);
    }

    /** Min-max scaling to [0, 1] over a spread of at least {@code minSpread}; the maximum maps to 1. */
    public static double[] normalise(double[] values, double minSpread) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double spread = Math.max(max - min, minSpread);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = spread == 0 ? 1 : 1 - (max - values[i]) / spread;
        }
        return out;
    }
}
