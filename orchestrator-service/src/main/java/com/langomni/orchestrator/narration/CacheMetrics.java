package com.langomni.orchestrator.narration;

/**
 * Body of {@code GET /api/admin/metrics/cache}: cluster-wide lookups of the world narration cache since the
 * counters began, the live entries of the current namespace and their TTL.
 */
public record CacheMetrics(long hits, long misses, double hitRate, long entries, long ttlSeconds) {
}
