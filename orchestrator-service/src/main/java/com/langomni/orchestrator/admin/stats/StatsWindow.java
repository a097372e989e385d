package com.langomni.orchestrator.admin.stats;

import java.util.List;

/**
 * The live figures over the last minute, from per-second counts: rates over the most recent seconds, totals and
 * percentiles over the whole window. A percentile or ratio with nothing to measure is null, never 0.
 */
public record StatsWindow(double actionsPerSecond, long actionsLastMinute, Double latencyP50Ms, Double latencyP95Ms,
                          Double latencyP99Ms, Double ttftP50Ms, Double ttftP95Ms, long ttftSamples,
                          double rateLimitedPerSecond, long rateLimitedLastMinute, long fallbacksLastMinute,
                          Double fallbackRate, long cacheHitsLastMinute, long cacheMissesLastMinute) {

    /**
     * @param seconds per-second counts of the window, oldest first
     * @param recent  how many of the newest seconds the per-second rates average over
     */
    public static StatsWindow of(List<StatsCounts> seconds, int recent) {
        StatsCounts all = sum(seconds);
        StatsCounts latest = sum(seconds.subList(Math.max(0, seconds.size() - recent), seconds.size()));
        int span = Math.max(1, Math.min(recent, seconds.size()));
        long[] latency = all.latency();
        long[] ttft = all.ttft();
        return new StatsWindow((double) latest.actions() / span, all.actions(),
                LatencyHistogram.quantile(latency, 0.5), LatencyHistogram.quantile(latency, 0.95),
                LatencyHistogram.quantile(latency, 0.99),
                LatencyHistogram.quantile(ttft, 0.5), LatencyHistogram.quantile(ttft, 0.95), all.ttftSamples(),
                (double) latest.rateLimitedCount() / span, all.rateLimitedCount(), all.fallbacks(),
                all.llmNarrations() == 0 ? null : (double) all.fallbacks() / all.llmNarrations(),
                all.cacheHits(), all.cacheMisses());
    }

    /** Narration cache hits over lookups in the window; null without lookups. */
    public Double cacheHitRate() {
        long lookups = cacheHitsLastMinute + cacheMissesLastMinute;
        return lookups == 0 ? null : (double) cacheHitsLastMinute / lookups;
    }

    static StatsCounts sum(List<StatsCounts> counts) {
        StatsCounts total = new StatsCounts();
        counts.forEach(total::add);
        return total;
    }
}
