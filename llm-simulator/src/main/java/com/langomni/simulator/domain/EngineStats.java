package com.langomni.simulator.domain;

import java.util.EnumMap;
import java.util.Map;

/** vLLM's request counters and latency histograms, with vLLM's bucket bounds (vllm/v1/metrics/loggers.py). */
final class EngineStats {
    static final double[] TTFT_BUCKETS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75,
        1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0};
    static final double[] ITL_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0,
        2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0};
    static final double[] REQUEST_BUCKETS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0,
        40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0};

    long promptTokens;
    long generationTokens;
    long prefixQueries;
    long prefixHits;
    final EnumMap<FinishReason, Long> finished = new EnumMap<>(FinishReason.class);
    final Histogram ttft = new Histogram(TTFT_BUCKETS);
    final Histogram itl = new Histogram(ITL_BUCKETS);
    final Histogram e2e = new Histogram(REQUEST_BUCKETS);
    final Histogram queueTime = new Histogram(REQUEST_BUCKETS);

    EngineStats() {
        for (FinishReason r : FinishReason.values()) {
            finished.put(r, 0L);
        }
    }

    void finished(FinishReason reason) {
        finished.merge(reason, 1L, Long::sum);
    }

    Map<FinishReason, Long> finishedCopy() {
        return new EnumMap<>(finished);
    }
}
