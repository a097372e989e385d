package com.langomni.memory.domain;

/**
 * Parameters of retrieval scoring.
 *
 * @param relevanceWeight  weight of the cosine similarity (1 in Generative Agents)
 * @param recencyWeight    weight of the recency decay (1 in the paper)
 * @param importanceWeight weight of the importance (1 in the paper)
 * @param decayPerHour     recency factor per hour since last access (0.995 in the paper)
 * @param minSpread        smallest spread a component is stretched over when normalising; 0 gives the paper's
 *                         plain min-max. Without a floor, memories written seconds apart or near-equal cosines
 *                         would have noise-sized differences stretched to the full [0, 1].
 */
public record ScoringParams(double relevanceWeight, double recencyWeight, double importanceWeight,
                            double decayPerHour, double minSpread) {

    /** The paper's weights and decay, with a 0.1 spread floor. */
    public static final ScoringParams DEFAULT = new ScoringParams(1, 1, 1, 0.995, 0.1);

    public ScoringParams {
        if (relevanceWeight < 0 || recencyWeight < 0 || importanceWeight < 0) {
            throw new IllegalArgumentException("weights must be >= 0");
        }
        if (!(decayPerHour > 0 && decayPerHour <= 1)) {
            throw new IllegalArgumentException("decayPerHour must be in (0, 1]");
        }
        if (!(minSpread >= 0 && minSpread <= 1)) {
            throw new IllegalArgumentException("minSpread must be in [0, 1]");
        }
    }
}
