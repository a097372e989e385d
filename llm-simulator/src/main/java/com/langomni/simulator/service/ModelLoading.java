package com.langomni.simulator.service;

import com.langomni.simulator.config.SimConfig;
import com.langomni.simulator.domain.SimClock;
import com.langomni.simulator.domain.StartupGate;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Whether the simulated server is still "loading weights" (configured at start, or a slow restart). */
@Startup
@ApplicationScoped
public class ModelLoading {
    private final StartupGate gate;

    public ModelLoading(SimConfig config) {
        this.gate = new StartupGate(SimClock.SYSTEM, config.startupDelay().toNanos());
    }

    public boolean loading() {
        return gate.loading();
    }

    public void loadFor(Duration duration) {
        gate.loadFor(duration.toNanos());
    }
}
