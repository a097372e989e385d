package com.langomni.memory.service;

import com.langomni.memory.repository.MemoryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Memory-service meters: writes by kind and their time, searches and their latency (embedding included, as a
 * histogram with the 20 ms target of DESIGN §11 as a bucket), ranks and the rank endpoint's embedding cache, store
 * size. Kinds come from the closed {@link MemoryStore#KINDS} (validated before a write), so no owner or text ever
 * becomes a tag.
 */
@Startup // registers the store-size gauge before the first request
@ApplicationScoped
public class MemoryMetrics {

    private static final Duration[] SEARCH_SLOS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)};

    private final MeterRegistry registry;
    private final Map<String, Counter> writes;
    private final Timer writeDuration;
    private final Counter replays;
    private final Counter searches;
    private final Timer searchLatency;
    private final Timer rankLatency;
    private final Counter rankCacheHits;
    private final Counter rankCacheMisses;
    private final Meter storeSize;

    public MemoryMetrics(MeterRegistry registry, MemoryStore store) {
        this.registry = registry;
        this.writes = MemoryStore.KINDS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                kind -> Counter.builder("langomni.memory.writes").description("memories written")
                        .tag("kind", kind).register(registry)));
        this.writeDuration = Timer.builder("langomni.memory.write.duration")
                .description("one memory write: importance, embedding and the store")
                .serviceLevelObjectives(SEARCH_SLOS)
                .register(registry);
        this.replays = Counter.builder("langomni.memory.write.replays")
                .description("writes of an idempotency key already stored: answered, nothing stored").register(registry);
        this.searches = Counter.builder("langomni.memory.searches").description("memory searches").register(registry);
        this.searchLatency = Timer.builder("langomni.memory.search.latency")
                .description("memory search time, query embedding included")
                .serviceLevelObjectives(SEARCH_SLOS)
                .register(registry);
        this.rankLatency = Timer.builder("langomni.memory.rank.latency")
                .description("embeddings rank time").register(registry);
        this.rankCacheHits = rankCache(registry, "hit");
        this.rankCacheMisses = rankCache(registry, "miss");
        this.storeSize = Gauge.builder("langomni.memory.store.size", store, s -> s.isOpen() ? s.size() : 0)
                .description("memories in the store")
                .strongReference(true)
                .register(registry);
    }

    private static Counter rankCache(MeterRegistry registry, String result) {
        return Counter.builder("langomni.memory.rank.cache.lookups")
                .description("candidate embeddings looked up in the rank endpoint's cache")
                .tag("result", result).register(registry);
    }

    /** A memory of {@code kind} (one of {@link MemoryStore#KINDS}) was written through the API, in {@code nanos}. */
    public void written(String kind, long nanos) {
        stored(kind);
        writeDuration.record(Duration.ofNanos(nanos));
    }

    /** A memory of {@code kind} was stored (by the API or a reflection). */
    public void stored(String kind) {
        Counter counter = writes.get(kind);
        if (counter != null) {
            counter.increment();
        }
    }

    /** A write repeated an idempotency key already stored. */
    public void replayed() {
        replays.increment();
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

    /** Candidates of one rank request found in the cache and those embedded anew. */
    public void rankCache(int hits, int misses) {
        rankCacheHits.increment(hits);
        rankCacheMisses.increment(misses);
    }

    /**
     * Outside dev mode Quarkus leaves meters in Micrometer's global registry when the app stops; an app started again
     * in the same JVM (tests) would get this gauge back, still reading the stopped app's store.
     */
    @PreDestroy
    void unregister() {
        registry.remove(storeSize);
    }
}
