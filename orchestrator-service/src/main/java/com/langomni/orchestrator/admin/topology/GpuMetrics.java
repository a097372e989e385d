package com.langomni.orchestrator.admin.topology;

import com.langomni.api.llm.BackendStatus;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /api/admin/metrics/gpu}.
 *
 * @param backends    every backend the LLM services that answered reported
 * @param services    {@code world-llm} and {@code npc-llm}: {@code UP} or {@code DOWN}
 * @param collectedAt epoch millis
 */
public record GpuMetrics(List<BackendStatus> backends, Map<String, String> services, long collectedAt) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
}
