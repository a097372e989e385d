package com.langomni.orchestrator.admin.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the action pipeline did over some interval (a second, a 10 s step, a minute): actions and their latency
 * histogram, time-to-first-token histogram of streamed narrations, rate-limit refusals, narrations meant for an
 * LLM and how many of them fell back to the rules, narration cache lookups. Counts only, so intervals and
 * replicas add up. Mutable and not thread-safe: {@link StatsBuffer} guards the ones still being written.
 */
public final class StatsCounts {

    static final String ACTIONS = "actions";
    static final String LATENCY = "lat.";
    static final String TTFT = "ttft.";
    static final String RATE_LIMITED = "rateLimited";
    static final String LLM = "llm";
    static final String FALLBACKS = "fallbacks";
    static final String CACHE_HITS = "cacheHits";
    static final String CACHE_MISSES = "cacheMisses";

    private long actions;
    private final long[] latency = new long[LatencyHistogram.BUCKETS];
    private final long[] ttft = new long[LatencyHistogram.BUCKETS];
    private long rateLimited;
    private long llmNarrations;
    private long fallbacks;
    private long cacheHits;
    private long cacheMisses;

    /** An action that reached the rules (applied or refused), {@code ms} from receipt to published result. */
    public void action(double ms) {
        actions++;
        latency[LatencyHistogram.bucketOf(ms)]++;
    }

    /** A streamed narration's first delta, {@code ms} after the action was received. */
    public void ttft(double ms) {
        ttft[LatencyHistogram.bucketOf(ms)]++;
    }

    public void rateLimited() {
        rateLimited++;
    }

    /** A narration meant for an LLM; {@code fellBack} when the rules' text was used instead. */
    public void llmNarration(boolean fellBack) {
        llmNarrations++;
        if (fellBack) {
            fallbacks++;
        }
    }

    public void cacheLookup(boolean hit) {
        if (hit) {
            cacheHits++;
        } else {
            cacheMisses++;
        }
    }

    /** Adds {@code other} to these counts; returns this. */
    public StatsCounts add(StatsCounts other) {
        actions += other.actions;
        for (int i = 0; i < latency.length; i++) {
            latency[i] += other.latency[i];
            ttft[i] += other.ttft[i];
        }
        rateLimited += other.rateLimited;
        llmNarrations += other.llmNarrations;
        fallbacks += other.fallbacks;
        cacheHits += other.cacheHits;
        cacheMisses += other.cacheMisses;
        return this;
    }

    /** The non-zero counts as named fields (a Redis hash; absent fields are zero). */
    public Map<String, Long> fields() {
        Map<String, Long> fields = new LinkedHashMap<>();
        put(fields, ACTIONS, actions);
        for (int i = 0; i < latency.length; i++) {
            put(fields, LATENCY + i, latency[i]);
            put(fields, TTFT + i, ttft[i]);
        }
        put(fields, RATE_LIMITED, rateLimited);
        put(fields, LLM, llmNarrations);
        put(fields, FALLBACKS, fallbacks);
        put(fields, CACHE_HITS, cacheHits);
        put(fields, CACHE_MISSES, cacheMisses);
        return fields;
    }

    /** Counts read back from {@link #fields()}; unknown fields (a newer or older version's) are ignored. */
    public static StatsCounts of(Map<String, Long> fields) {
        StatsCounts counts = new StatsCounts();
        fields.forEach((name, value) -> counts.set(name, value == null ? 0 : value));
        return counts;
    }

    private void set(String name, long value) {
        switch (name) {
            case ACTIONS -> actions = value;
            case RATE_LIMITED -> rateLimited = value;
            case LLM -> llmNarrations = value;
            case FALLBACKS -> fallbacks = value;
            case CACHE_HITS -> cacheHits = value;
            case CACHE_MISSES -> cacheMisses = value;
            default -> {
                if (name.startsWith(LATENCY)) {
                    setBucket(latency, name.substring(LATENCY.length()), value);
                } else if (name.startsWith(TTFT)) {
                    setBucket(ttft, name.substring(TTFT.length()), value);
                }
            }
        }
    }

    private static void setBucket(long[] buckets, String index, long value) {
        try {
            int i = Integer.parseInt(index);
            if (i >= 0 && i < buckets.length) {
                buckets[i] = value;
            }
        } catch (NumberFormatException ignored) {
            // not one of ours
        }
    }

    private static void put(Map<String, Long> fields, String name, long value) {
        if (value != 0) {
            fields.put(name, value);
        }
    }

    public boolean isEmpty() {
        return fields().isEmpty();
    }

    public long actions() {
        return actions;
    }

    public long[] latency() {
        return latency.clone();
    }

    public long[] ttft() {
        return ttft.clone();
    }

    public long ttftSamples() {
        return Arrays.stream(ttft).sum();
    }

    public long rateLimitedCount() {
        return rateLimited;
    }

    public long llmNarrations() {
        return llmNarrations;
    }

    public long fallbacks() {
        return fallbacks;
    }

    public long cacheHits() {
        return cacheHits;
    }

    public long cacheMisses() {
        return cacheMisses;
    }
}
