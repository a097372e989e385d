package com.langomni.orchestrator.admin.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts what the action pipeline does for the admin panel's cluster-wide figures. Recording only touches memory,
 * so it adds nothing to an action's latency and cannot fail it; every flush interval the counts go to Redis in
 * one script call per second counted ({@link StatsStore#add}). A failed flush loses those counts: it is counted in
 * {@code langomni.stats.flush.failures} and logged at debug, nothing more.
 */
@ApplicationScoped
public class StatsRecorder {

    private final StatsBuffer buffer = new StatsBuffer();
    private final StatsStore store;
    private final Vertx vertx;
    private final Duration interval;
    private final Counter failures;
    private long timer = -1;

    StatsRecorder(StatsStore store, Vertx vertx, StatsConfig config, MeterRegistry registry) {
        this.store = store;
        this.vertx = vertx;
        this.interval = config.flushInterval();
        this.failures = Counter.builder("langomni.stats.flush.failures")
                .description("Flushes of pipeline statistics to Redis that failed (those counts are lost)")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> flush().subscribe().with(done -> { }, failure -> { }));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        try {
            flush().await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            Log.debugf("Last statistics flush failed: %s", e.toString());
        }
    }

    /** An action that reached the rules, from its receipt to its published result. */
    public void action(Duration latency) {
        record(counts -> counts.action(millis(latency)));
    }

    /** The first narration delta of an action, {@code sinceReceived} after its receipt. */
    public void ttft(Duration sinceReceived) {
        record(counts -> counts.ttft(millis(sinceReceived)));
    }

    public void rateLimited() {
        record(StatsCounts::rateLimited);
    }

    /** A narration meant for an LLM; {@code fellBack} when the rules' text replaced it. */
    public void llmNarration(boolean fellBack) {
        record(counts -> counts.llmNarration(fellBack));
    }

    public void cacheLookup(boolean hit) {
        record(counts -> counts.cacheLookup(hit));
    }

    /** Writes what was counted since the last flush; never fails. */
    Uni<Void> flush() {
        Map<Long, StatsCounts> drained = buffer.drain();
        if (drained.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> writes = drained.entrySet().stream()
                .map(second -> store.add(second.getKey(), second.getValue())
                        .onFailure().invoke(failure -> {
                            failures.increment();
                            Log.debugf("Statistics of second %d not flushed: %s", second.getKey(), failure.toString());
                        })
                        .onFailure().recoverWithNull())
                .toList();
        return Uni.join().all(writes).andCollectFailures().replaceWithVoid();
    }

    private void record(Consumer<StatsCounts> change) {
        buffer.record(System.currentTimeMillis() / 1000, change);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
