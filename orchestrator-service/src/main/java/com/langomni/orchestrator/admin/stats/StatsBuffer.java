package com.langomni.orchestrator.admin.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Counts not yet written to the shared store, per epoch second. The pipeline records into it from any thread
 * without waiting on I/O; a flusher drains it every interval and adds the counts to the cluster-wide buckets.
 */
public final class StatsBuffer {

    private final Map<Long, StatsCounts> pending = new TreeMap<>();

    /** Changes the counts of {@code epochSecond}. */
    public synchronized void record(long epochSecond, Consumer<StatsCounts> change) {
        change.accept(pending.computeIfAbsent(epochSecond, second -> new StatsCounts()));
    }

    /** Everything recorded since the last drain, oldest second first; the buffer is empty afterwards. */
    public synchronized Map<Long, StatsCounts> drain() {
        Map<Long, StatsCounts> drained = new TreeMap<>(pending);
        pending.clear();
        return drained;
    }
}
