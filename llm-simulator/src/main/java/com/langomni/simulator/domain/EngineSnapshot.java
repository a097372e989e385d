package com.langomni.simulator.domain;

import java.util.Map;

/** A consistent view of the engine for /metrics. Latencies in seconds, as vLLM exports them. */
public record EngineSnapshot(
        int running,
        int waiting,
        double kvCacheUsage,
        int kvCacheBlocks,
        int blockSize,
        long promptTokens,
        long generationTokens,
        long prefixCacheQueries,
        long prefixCacheHits,
        Map<FinishReason, Long> finished,
        Histogram.Snapshot timeToFirstToken,
        Histogram.Snapshot interTokenLatency,
        Histogram.Snapshot e2eLatency,
        Histogram.Snapshot queueTime) {
}
