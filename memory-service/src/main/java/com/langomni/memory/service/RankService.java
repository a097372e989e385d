package com.langomni.memory.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.langomni.api.memory.RankRequest;
import com.langomni.api.memory.RankedText;
import com.langomni.api.protocol.ErrorCodes;
import com.langomni.memory.config.MemoryConfig;
import com.langomni.memory.domain.Vectors;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stateless semantic ranking of candidate texts against a query (an NPC's authored knowledge lines). The
 * same candidates come back request after request, so their embeddings are cached by text (Caffeine, at most
 * {@code langomni.memory.rank.cache-size} of them); the query and the cache misses are embedded in one batch.
 */
@ApplicationScoped
public class RankService {

    private final EmbeddingService embeddings;
    private final Inputs inputs;
    private final MemoryConfig config;
    private final MemoryMetrics metrics;
    private final Cache<String, float[]> cache;

    public RankService(EmbeddingService embeddings, Inputs inputs, MemoryConfig config, MemoryMetrics metrics) {
        this.embeddings = embeddings;
        this.inputs = inputs;
        this.config = config;
        this.metrics = metrics;
        this.cache = embeddingCache(config.rank().cacheSize());
    }

    public List<RankedText> rank(RankRequest request) {
        inputs.body(request);
        String query = inputs.text("query", request.query());
        List<String> candidates = candidates(request.candidates());
        int limit = inputs.positiveLimit(request.limit(), candidates.size());

        Timer.Sample sample = metrics.startRank();
        try {
            Map<String, float[]> vectors = new HashMap<>();
            Set<String> misses = new LinkedHashSet<>();
            for (String c : candidates) {
                float[] cached = cache.getIfPresent(c);
                if (cached != null) {
                    vectors.put(c, cached);
                } else {
                    misses.add(c);
                }
            }
            metrics.rankCache(vectors.size(), misses.size());
            List<String> batch = new ArrayList<>(misses.size() + 1);
            batch.add(query);
            batch.addAll(misses);
            List<float[]> embedded = embeddings.embedAll(batch);
            float[] queryVector = embedded.get(0);
            int i = 1;
            for (String miss : misses) {
                float[] v = embedded.get(i++);
                cache.put(miss, v);
                vectors.put(miss, v);
            }

            List<RankedText> ranked = new ArrayList<>(candidates.size());
            for (int c = 0; c < candidates.size(); c++) {
                String text = candidates.get(c);
                ranked.add(new RankedText(c, text, Vectors.dot(queryVector, vectors.get(text))));
            }
            ranked.sort(Comparator.comparingDouble(RankedText::score).reversed()
                    .thenComparingInt(RankedText::index));
            return ranked.subList(0, Math.min(limit, ranked.size()));
        } finally {
            metrics.rankDone(sample);
        }
    }

    /**
     * Embeddings by text, bounded by count. Caffeine evicts by recency and frequency (W-TinyLFU) without a global
     * lock; reads stay cheap under concurrent ranking.
     */
    static Cache<String, float[]> embeddingCache(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("langomni.memory.rank.cache-size must be >= 1");
        }
        return Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    private List<String> candidates(List<String> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            throw new InvalidRequestException(ErrorCodes.BAD_REQUEST, "candidates must not be empty");
        }
        int max = config.rank().maxCandidates();
        if (candidates.size() > max) {
            throw new InvalidRequestException(ErrorCodes.TOO_LARGE, "at most " + max + " candidates are ranked");
        }
        for (int c = 0; c < candidates.size(); c++) {
            inputs.text("candidates[" + c + "]", candidates.get(c));
        }
        return candidates;
    }
}
