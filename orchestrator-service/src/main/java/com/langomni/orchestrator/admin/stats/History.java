package com.langomni.orchestrator.admin.stats;

import com.langomni.orchestrator.admin.topology.BackendFigures;
import java.util.List;
import java.util.Map;

/** Body of {@code GET /api/admin/metrics/history}: one point per step, oldest first. */
public record History(int stepSeconds, List<Point> points) {

    /**
     * One step.
     *
     * @param at       epoch millis the step begins at
     * @param backends per LLM backend, the mean of the samples taken in the step (none: no LLM or not sampled)
     */
    public record Point(long at, long actions, Double p50Ms, Double p95Ms, Double p99Ms, Double ttftP50Ms,
                        Double ttftP95Ms, long rateLimited, long fallbacks, long cacheHits, long cacheMisses,
                        Map<String, BackendFigures> backends) {
    }
}
