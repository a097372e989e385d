package com.langomni.memory.service;

import com.langomni.memory.repository.MemoryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Memory-service meters: writes, searches, search latency (embedding included), store size, ranks. */
@Startup // registers the store-size gauge before the first request
@ApplicationScoped
public class MemoryMetrics {

    private final MeterRegistry registry;
    private final Counter writes;
    private final Counter searches;
    private final Timer searchLatency;
    private final Timer rankLatency;

    public MemoryMetrics(MeterRegistry registry, MemoryStore store) {
        this.registry = registry;
        this.writes = Counter.builder("langomni.memory.writes").description("memories written").register(registry);
        this.searches = Counter.builder("langomni.memory.searches").description("memory searches").register(registry);
        this.searchLatency = Timer.builder("langomni.memory.search.latency")
                .description("memory search time, query embedding included")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        this.rankLatency = Timer.builder("langomni.memory.rank.latency")
                .description("embeddings rank time").register(registry);
        Gauge.builder("langomni.memory.store.size", store, s -> s.isOpen() ? s.size() : 0)
                .description("memories in the store")
                .strongReference(true)
                .register(registry);
    }

    public void written() {
        writes.increment();
    }

    public Timer.Sample startSearch() {
        searches.increment();
        return Timer.start(registry);
    }

    public void searchDone(Timer.Sample sample) {
        sample.stop(searchLatency);
    }

    public Timer.Sample startRank() {
        return Timer.start(registry);
    }

    public void rankDone(Timer.Sample sample) {
        sample.stop(rankLatency);
    }
}
