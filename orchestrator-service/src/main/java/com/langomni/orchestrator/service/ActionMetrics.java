package com.langomni.orchestrator.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/** Prometheus meters of the action pipeline (at /q/metrics). */
@ApplicationScoped
public class ActionMetrics {

    private final MeterRegistry registry;
    private final Timer duration;

    ActionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duration = Timer.builder("langomni.action.duration")
                .description("Time from accepted action to published result")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    public void applied(String verb, boolean success, String source, Duration took) {
        Counter.builder("langomni.actions").description("Actions applied or refused by the rules")
                .tag("verb", verb.toLowerCase(Locale.ROOT)).tag("success", Boolean.toString(success))
                .register(registry).increment();
        Counter.builder("langomni.narrations").description("Narrations by where the text came from")
                .tag("source", source).register(registry).increment();
        duration.record(took);
    }

    /** A narration answered by the rules instead of an LLM, and why ({@code timeout}, {@code error}, ...). */
    public void fallback(String reason) {
        Counter.builder("langomni.narration.fallbacks").description("Narrations the rules answered instead of an LLM")
                .tag("reason", reason).register(registry).increment();
    }

    /** An action turned away before the rules saw it (rate_limited, busy, ...). */
    public void rejected(String code) {
        Counter.builder("langomni.actions.rejected").description("Actions refused by the pipeline")
                .tag("code", code).register(registry).increment();
    }
}
