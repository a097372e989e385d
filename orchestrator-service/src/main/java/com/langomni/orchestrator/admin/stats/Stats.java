package com.langomni.orchestrator.admin.stats;

import com.langomni.api.llm.AdmissionStatus;
import java.util.List;

/**
 * Body of {@code GET /api/admin/stats} and of the stream's {@code stats} events: the cluster over the last minute.
 * A figure that is not known (nothing to measure, or its store did not answer) is null.
 *
 * @param at epoch millis
 */
public record Stats(long at, Long playersOnline, Long playersTotal, Actions actions, Ttft ttft,
                    RateLimited rateLimited, Fallbacks fallbacks, Cache cache, List<Backend> backends,
                    MemoryQueue memoryQueue) {

    /** Actions that reached the rules; latency from receipt to published result. */
    public record Actions(Double perSecond, Long lastMinute, Double p50Ms, Double p95Ms, Double p99Ms) {
    }

    /** Time from receipt to the first streamed narration delta. */
    public record Ttft(Double p50Ms, Double p95Ms, Long samples) {
    }

    public record RateLimited(Double perSecond, Long lastMinute) {
    }

    /** Narrations meant for an LLM that the rules answered; {@code rate} of all those meant for an LLM. */
    public record Fallbacks(Long lastMinute, Double rate) {
    }

    /** The narration cache's lookups since its counters began. */
    public record Cache(Long hits, Long misses, Double hitRate) {
    }

    /** One LLM backend, as {@code /api/admin/metrics/gpu} reports it. */
    /** One LLM server; {@code admission}: world-llm's admission by value as one replica sees it (null for NPCs). */
    public record Backend(String name, String role, boolean healthy, Double waiting, Double running,
                          Double tokensPerSecond, Double kvCacheUsage, AdmissionStatus admission) {
    }

    /** Memory writes queued for memory-service and not yet delivered. */
    public record MemoryQueue(Long depth) {
    }
}
