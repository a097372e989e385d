package com.langomni.orchestrator.admin.topology;

import com.langomni.api.llm.BackendStatus;
import com.langomni.orchestrator.admin.stats.StatsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import com.langomni.orchestrator.admin.stats.StatsStore;

/**
 * Samples the LLM backends' load for the metrics history every sample interval. Every replica ticks; the one that
 * wins the slot's SET NX asks world-llm and npc-llm and stores the sample, so N replicas cost one sample.
 */
@ApplicationScoped
public class BackendSampler {

    private final String replica = UUID.randomUUID().toString();
    private final LlmBackends backends;
    private final StatsStore store;
    private final Vertx vertx;
    private final long intervalSeconds;
    private long timer = -1;

    BackendSampler(LlmBackends backends, StatsStore store, Vertx vertx, StatsConfig config) {
        this.backends = backends;
        this.store = store;
        this.vertx = vertx;
        this.intervalSeconds = Math.max(1, config.sampleInterval().toSeconds());
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(intervalSeconds * 1000, id -> sample().subscribe().with(done -> { }, failure -> { }));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** The second a sample taken now is filed under: the start of the current sample slot. */
    long slot(long epochSecond) {
        return Math.floorDiv(epochSecond, intervalSeconds) * intervalSeconds;
    }

    Uni<Void> sample() {
        long slot = slot(System.currentTimeMillis() / 1000);
        return store.claimSample(slot, replica)
                .chain(won -> won
                        ? backends.recent().chain(metrics -> store.saveSample(slot, figures(metrics)))
                        : Uni.createFrom().voidItem())
                .onFailure().invoke(failure -> Log.debugf("Backend sample %d not taken: %s", slot, failure.toString()))
                .onFailure().recoverWithNull();
    }

    private static Map<String, BackendFigures> figures(GpuMetrics metrics) {
        Map<String, BackendFigures> sample = new LinkedHashMap<>();
        for (BackendStatus backend : metrics.backends()) {
            sample.put(backend.name(), new BackendFigures(backend.tokensPerSecond(), backend.kvCacheUsage(),
                    backend.waiting()));
        }
        return sample;
    }
}
