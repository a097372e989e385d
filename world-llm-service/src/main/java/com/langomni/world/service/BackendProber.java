package com.langomni.world.service;

import com.langomni.world.client.WorldModelClient;
import com.langomni.world.config.WorldConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Probes the world model's {@code /health} and {@code /metrics} every {@code langomni.world.llm.probe.interval}
 * on a Vert.x timer (non-blocking, no scheduler needed); a probe still running when the next is due is skipped.
 */
@ApplicationScoped
public class BackendProber {
    private final WorldModelClient llm;
    private final WorldConfig.Probe config;
    private final Vertx vertx;
    private final AtomicBoolean probing = new AtomicBoolean();
    private long timer = -1;

    public BackendProber(WorldModelClient llm, WorldConfig config, Vertx vertx) {
        this.llm = llm;
        this.config = config.llm().probe();
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        if (llm.configured()) {
            probe();
            timer = vertx.setPeriodic(Math.max(config.interval().toMillis(), 1), id -> probe());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void probe() {
        if (probing.compareAndSet(false, true)) {
            llm.probe().subscribe().with(done -> probing.set(false), failed -> probing.set(false));
        }
    }
}
