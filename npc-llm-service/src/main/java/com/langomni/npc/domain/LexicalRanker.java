package com.langomni.npc.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over an NPC's own knowledge lines: the in-process stand-in for semantic ranking when memory-service
 * is slow or down. Rare words weigh more than words every line shares, and long lines do not win by length.
 */
public final class LexicalRanker {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final TextAnalyzer analyzer;

    public LexicalRanker(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Every line scored against the query terms, best first (ties keep the authored order). */
    public Ranking rank(List<String> queryTerms, List<String> lines) {
        List<List<String>> docs = lines.stream().map(analyzer::terms).toList();
        double avgLength = docs.stream().mapToInt(List::size).average().orElse(0);
        Map<String, Integer> docFrequency = new HashMap<>();
        for (List<String> doc : docs) {
            new HashSet<>(doc).forEach(t -> docFrequency.merge(t, 1, Integer::sum));
        }
        Set<String> query = new HashSet<>(queryTerms);
        List<ScoredLine> scored = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            scored.add(new ScoredLine(i, lines.get(i), score(query, docs.get(i), docFrequency, docs.size(), avgLength)));
        }
        scored.sort(Comparator.comparingDouble(ScoredLine::score).reversed());
        return new Ranking(Ranking.Method.LEXICAL, scored);
    }

    private static double score(Set<String> query, List<String> doc, Map<String, Integer> docFrequency, int docCount,
                                double avgLength) {
        Map<String, Integer> tf = new HashMap<>();
        doc.forEach(t -> tf.merge(t, 1, Integer::sum));
        double lengthNorm = avgLength == 0 ? 1 : doc.size() / avgLength;
        double score = 0;
        for (String term : query) {
            int f = tf.getOrDefault(term, 0);
            if (f == 0) {
                continue;
            }
            int n = docFrequency.get(term);
            double idf = Math.log(1 + (docCount - n + 0.5) / (n + 0.5));
            score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengthNorm));
        }
        return score;
    }
}
