package com.langomni.simulator.service;

import com.langomni.simulator.domain.Fault;
import com.langomni.simulator.domain.FaultPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/** The fault plan in force, changeable at runtime, and the draw for each request. */
@ApplicationScoped
public class FaultInjector {
    private final FaultPlan configured;
    private final AtomicReference<FaultPlan> current;

    public FaultInjector(FaultPlan configured) {
        this.configured = configured;
        this.current = new AtomicReference<>(configured);
    }

    public FaultPlan plan() {
        return current.get();
    }

    public void replace(FaultPlan plan) {
        current.set(plan);
    }

    /** Back to the faults configured at start. */
    public void reset() {
        current.set(configured);
    }

    /** The fault for one request under {@code plan} (read once per request, so one update cannot split it). */
    public Fault draw(FaultPlan plan) {
        return plan.decide(ThreadLocalRandom.current().nextDouble());
    }
}
