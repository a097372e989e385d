package com.langomni.llm.backend;

import java.util.Map;

/**
 * The load figures of one scrape of a vLLM {@code /metrics}; null for what the server does not export.
 *
 * @param atMillis when it was taken
 */
public record VllmSample(Double running, Double waiting, Double kvCacheUsage, Double prefixQueries,
                         Double prefixHits, Double generationTokens, long atMillis) {

    public static VllmSample from(Map<String, Double> sums, long atMillis) {
        Double kv = sums.get("vllm:kv_cache_usage_perc");
        return new VllmSample(sums.get("vllm:num_requests_running"), sums.get("vllm:num_requests_waiting"),
                kv != null ? kv : sums.get("vllm:gpu_cache_usage_perc"),
                first(sums, "vllm:prefix_cache_queries_total", "vllm:gpu_prefix_cache_queries_total"),
                first(sums, "vllm:prefix_cache_hits_total", "vllm:gpu_prefix_cache_hits_total"),
                sums.get("vllm:generation_tokens_total"), atMillis);
    }

    /** Prefix-cache hits / queries since the server started, null when unknown or nothing queried yet. */
    public Double prefixCacheHitRate() {
        return prefixQueries == null || prefixHits == null || prefixQueries <= 0 ? null : prefixHits / prefixQueries;
    }

    /** Generation tokens per second from {@code earlier} to this sample; null without two readings. */
    public Double tokensPerSecondSince(VllmSample earlier) {
        if (earlier == null || earlier.generationTokens == null || generationTokens == null
                || atMillis <= earlier.atMillis || generationTokens < earlier.generationTokens) {
            return null; // a counter that went down means the server restarted
        }
        return (generationTokens - earlier.generationTokens) * 1000.0 / (atMillis - earlier.atMillis);
    }

    private static Double first(Map<String, Double> sums, String name, String alternative) {
        Double v = sums.get(name);
        return v != null ? v : sums.get(alternative);
    }
}
