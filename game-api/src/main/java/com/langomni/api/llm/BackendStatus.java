package com.langomni.api.llm;

/**
 * What one LLM backend (a vLLM server or replica) is doing, read from its {@code /health} and {@code /metrics}.
 * Served by world-llm-service and npc-llm-service at {@code GET /api/backends} and gathered by the orchestrator's
 * {@code GET /api/admin/metrics/gpu}. Figures the backend does not export (Ollama, llama.cpp) are null.
 *
 * @param name               stable name, e.g. {@code world} or {@code npc-1}
 * @param role               {@code world} or {@code npc}
 * @param url                the OpenAI-compatible base URL (ends in {@code /v1})
 * @param model              the model name requested
 * @param healthy            false while the backend is ejected or unreachable
 * @param inFlight           requests this service has open on it now
 * @param running            vLLM {@code num_requests_running}
 * @param waiting            vLLM {@code num_requests_waiting}
 * @param kvCacheUsage       vLLM KV-cache usage, 0..1
 * @param prefixCacheHitRate prefix-cache hits / queries since the backend started, 0..1
 * @param tokensPerSecond    generation tokens per second between the last two scrapes
 * @param requests           requests this service sent to it since start
 * @param failures           of those, how many failed
 * @param lastError          the last failure, null when none
 * @param scrapedAt          epoch millis of the last successful scrape, 0 when never
 * @param admission          how the serving replica admits requests under saturation (queue depth, admissions and
 *                           degradations by priority, cluster limit); null where not applicable (NPC backends)
 */
public record BackendStatus(String name, String role, String url, String model, boolean healthy, int inFlight,
                            Double running, Double waiting, Double kvCacheUsage, Double prefixCacheHitRate,
                            Double tokensPerSecond, long requests, long failures, String lastError,
                            long scrapedAt, AdmissionStatus admission) {

    /** A status without admission figures (the arity before they were added). */
    public BackendStatus(String name, String role, String url, String model, boolean healthy, int inFlight,
                         Double running, Double waiting, Double kvCacheUsage, Double prefixCacheHitRate,
                         Double tokensPerSecond, long requests, long failures, String lastError, long scrapedAt) {
        this(name, role, url, model, healthy, inFlight, running, waiting, kvCacheUsage, prefixCacheHitRate,
                tokensPerSecond, requests, failures, lastError, scrapedAt, null);
    }

    /** This status with the given admission figures. */
    public BackendStatus withAdmission(AdmissionStatus figures) {
        return new BackendStatus(name, role, url, model, healthy, inFlight, running, waiting, kvCacheUsage,
                prefixCacheHitRate, tokensPerSecond, requests, failures, lastError, scrapedAt, figures);
    }
}
