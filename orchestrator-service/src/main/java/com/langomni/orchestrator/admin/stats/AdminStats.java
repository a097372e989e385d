package com.langomni.orchestrator.admin.stats;

import com.langomni.api.llm.BackendStatus;
import com.langomni.orchestrator.memory.MemoryQueueConfig;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.admin.topology.GpuMetrics;
import com.langomni.orchestrator.admin.topology.LlmBackends;
import com.langomni.orchestrator.session.Presence;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The dashboard's live figures, cluster-wide: the pipeline counts of the last whole minute from Redis, who is
 * online, the narration cache, the LLM backends and the memory queue. Each part is asked at once and a part whose
 * store does not answer is null; the figures never fail as a whole.
 */
@ApplicationScoped
public class AdminStats {

    /**
     * The live window, in seconds. It ends two seconds back: the current second is still being counted, and each
     * replica adds the previous one to Redis at some point of this one (flushes are not aligned across replicas).
     */
    static final int WINDOW_SECONDS = 60;
    /** Per-second rates average over the newest seconds of the window. */
    static final int RATE_SECONDS = 10;

    private final StatsStore store;
    private final Presence presence;
    private final Pool postgres;
    private final LlmBackends backends;
    private final ReactiveRedisDataSource redis;
    private final MemoryQueueConfig queue;
    private final World world;

    AdminStats(StatsStore store, Presence presence, Pool postgres, LlmBackends backends,
               ReactiveRedisDataSource redis, MemoryQueueConfig queue, World world) {
        this.store = store;
        this.presence = presence;
        this.postgres = postgres;
        this.backends = backends;
        this.redis = redis;
        this.queue = queue;
        this.world = world;
    }

    public Uni<Stats> current() {
        long now = System.currentTimeMillis();
        // Plain pool queries, not Hibernate: the stream's ticker calls this outside any Vert.x context.
        Uni<Long> total = postgres.query("select count(*) from players").execute()
                .map(rows -> rows.iterator().next().getLong(0));
        Uni<Long> depth = redis.stream(String.class).xlen(queue.stream());
        return Uni.combine().all()
                .unis(orNull(window(now / 1000), "pipeline counts"), orNull(online(), "presence"),
                        orNull(total, "player count"), backends.recent(), orNull(depth, "memory queue"))
                .with((window, online, players, llm, queued) -> new Stats(now, online, players,
                        actions(window), ttft(window), rateLimited(window), fallbacks(window), cache(window),
                        backends(llm), new Stats.MemoryQueue(queued)));
    }

    /** The pipeline figures of the last whole, fully flushed minute before {@code nowSecond}. */
    public Uni<StatsWindow> window(long nowSecond) {
        return store.seconds(nowSecond - WINDOW_SECONDS - 1, nowSecond - 2)
                .map(seconds -> StatsWindow.of(seconds, RATE_SECONDS));
    }

    /** Players online anywhere in the world. */
    public Uni<Long> online() {
        return presence.onlineIn(world.locations().keySet()).map(ids -> (long) ids.size());
    }

    private static Stats.Actions actions(StatsWindow w) {
        return w == null ? new Stats.Actions(null, null, null, null, null)
                : new Stats.Actions(w.actionsPerSecond(), w.actionsLastMinute(), w.latencyP50Ms(), w.latencyP95Ms(),
                        w.latencyP99Ms());
    }

    private static Stats.Ttft ttft(StatsWindow w) {
        return w == null ? new Stats.Ttft(null, null, null) : new Stats.Ttft(w.ttftP50Ms(), w.ttftP95Ms(), w.ttftSamples());
    }

    private static Stats.RateLimited rateLimited(StatsWindow w) {
        return w == null ? new Stats.RateLimited(null, null)
                : new Stats.RateLimited(w.rateLimitedPerSecond(), w.rateLimitedLastMinute());
    }

    private static Stats.Fallbacks fallbacks(StatsWindow w) {
        return w == null ? new Stats.Fallbacks(null, null) : new Stats.Fallbacks(w.fallbacksLastMinute(), w.fallbackRate());
    }

    /** Narration cache lookups in the window (the lifetime totals are at /api/admin/metrics/cache). */
    private static Stats.Cache cache(StatsWindow w) {
        return w == null ? new Stats.Cache(null, null, null)
                : new Stats.Cache(w.cacheHitsLastMinute(), w.cacheMissesLastMinute(), w.cacheHitRate());
    }

    private static List<Stats.Backend> backends(GpuMetrics metrics) {
        return metrics.backends().stream().map(AdminStats::backend).toList();
    }

    private static Stats.Backend backend(BackendStatus b) {
        return new Stats.Backend(b.name(), b.role(), b.healthy(), b.waiting(), b.running(), b.tokensPerSecond(),
                b.kvCacheUsage(), b.admission());
    }

    public static <T> Uni<T> orNull(Uni<T> part, String what) {
        return part.onFailure().invoke(failure -> Log.debugf("Admin figures without %s: %s", what, failure.toString()))
                .onFailure().recoverWithNull();
    }
}
