package com.langomni.orchestrator.narration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.orchestrator.admin.stats.StatsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import com.langomni.orchestrator.admin.stats.StatsRecorder;
import com.langomni.orchestrator.common.RedisKeys;

/**
 * Response cache of world narrations in Redis, shared by every replica. Only texts the LLM wrote are stored (a
 * rules text costs nothing to make again), only for intents whose narration is a pure function of the state, and
 * each for {@code langomni.narration.cache.ttl}. Hits and misses are counted in Micrometer for this replica and in
 * Redis for the cluster, there added once per stats flush interval rather than once per lookup. The cache is best
 * effort: a Redis failure is a miss.
 */
@ApplicationScoped
public class NarrationCache {

    static final String HITS = "hits";
    static final String MISSES = "misses";

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveHashCommands<String, String, Long> counters;
    private final ObjectMapper json;
    private final NarrationConfig.Cache config;
    private final Set<String> intents;
    private final Counter hits;
    private final Counter misses;
    private final StatsRecorder stats;
    private final Vertx vertx;
    private final Duration flushInterval;
    /** Lookups counted here and not yet added to the cluster's totals in Redis. */
    private final AtomicLong unflushedHits = new AtomicLong();
    private final AtomicLong unflushedMisses = new AtomicLong();
    private long timer = -1;

    NarrationCache(ReactiveRedisDataSource redis, ObjectMapper json, NarrationConfig config, MeterRegistry registry,
                   StatsRecorder stats, Vertx vertx, StatsConfig statsConfig) {
        this.stats = stats;
        this.vertx = vertx;
        this.flushInterval = statsConfig.flushInterval();
        this.redis = redis;
        this.values = redis.value(String.class);
        this.counters = redis.hash(Long.class);
        this.json = json;
        this.config = config.cache();
        this.intents = config.cache().intents().stream().map(i -> i.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.hits = lookups(registry, "hit");
        this.misses = lookups(registry, "miss");
    }

    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("langomni.narration.cache.lookups").description("World narration cache lookups")
                .tag("result", result).register(registry);
    }

    public boolean cacheable(String intent) {
        return config.enabled() && intent != null && intents.contains(intent.toLowerCase(Locale.ROOT));
    }

    public String key(NarrationRequest request) {
        return RedisKeys.narrationCache(config.namespace(), NarrationCacheKey.of(config.namespace(), request, json));
    }

    /** The cached text, counted as a hit or a miss. */
    public Uni<Optional<String>> lookup(String key) {
        return values.get(key)
                .onFailure().invoke(failure -> Log.debugf("Narration cache lookup failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .call(text -> count(text != null))
                .map(Optional::ofNullable);
    }

    /** Stores an LLM text; failures are only logged. */
    public Uni<Void> store(String key, String text) {
        long ttlSeconds = config.ttl().toSeconds();
        String index = RedisKeys.narrationCacheIndex(config.namespace());
        long now = System.currentTimeMillis();
        return values.setex(key, ttlSeconds, text)
                .chain(() -> redis.execute("ZADD", index, Long.toString(now + ttlSeconds * 1000), key))
                .chain(() -> redis.execute("ZREMRANGEBYSCORE", index, "-inf", Long.toString(now)))
                .chain(() -> redis.execute("EXPIRE", index, Long.toString(ttlSeconds * 2)))
                .onFailure().invoke(failure -> Log.debugf("Narration cache store failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Cluster-wide figures for {@code GET /api/admin/metrics/cache}. */
    public Uni<CacheMetrics> metrics() {
        String index = RedisKeys.narrationCacheIndex(config.namespace());
        Uni<Map<String, Long>> totals = counters.hgetall(RedisKeys.narrationCacheStats());
        Uni<Long> entries = redis.execute("ZREMRANGEBYSCORE", index, "-inf", Long.toString(System.currentTimeMillis()))
                .chain(() -> redis.execute("ZCARD", index))
                .map(reply -> reply == null ? 0L : reply.toLong());
        return Uni.combine().all().unis(totals, entries).asTuple().map(t -> {
            // this replica's lookups since its last flush too; other replicas' are at most one flush interval late
            long hitCount = t.getItem1().getOrDefault(HITS, 0L) + unflushedHits.get();
            long missCount = t.getItem1().getOrDefault(MISSES, 0L) + unflushedMisses.get();
            long lookups = hitCount + missCount;
            return new CacheMetrics(hitCount, missCount, lookups == 0 ? 0.0 : (double) hitCount / lookups,
                    t.getItem2(), config.ttl().toSeconds());
        });
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(flushInterval.toMillis(), id -> flush().subscribe().with(done -> { }, failure -> { }));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        try {
            flush().await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            Log.debugf("Last cache totals flush failed: %s", e.toString());
        }
    }

    private Uni<Void> count(boolean hit) {
        (hit ? hits : misses).increment();
        stats.cacheLookup(hit);
        (hit ? unflushedHits : unflushedMisses).incrementAndGet();
        return Uni.createFrom().voidItem();
    }

    /** Adds the lookups counted since the last flush to the cluster's totals; never fails (a failed add is lost). */
    Uni<Void> flush() {
        long hitCount = unflushedHits.getAndSet(0);
        long missCount = unflushedMisses.getAndSet(0);
        Uni<Void> added = Uni.createFrom().voidItem();
        if (hitCount > 0) {
            added = added.chain(() -> counters.hincrby(RedisKeys.narrationCacheStats(), HITS, hitCount).replaceWithVoid());
        }
        if (missCount > 0) {
            added = added.chain(() -> counters.hincrby(RedisKeys.narrationCacheStats(), MISSES, missCount).replaceWithVoid());
        }
        return added.onFailure().invoke(failure -> Log.debugf("Cache totals not flushed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }
}
