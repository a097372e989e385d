package com.langomni.orchestrator.service;

import com.langomni.api.protocol.ErrorCodes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * What the action pipeline did: Prometheus meters of this replica (at /q/metrics), and the cluster-wide counts of
 * the admin panel ({@link StatsRecorder}).
 */
@ApplicationScoped
public class ActionMetrics {

    /** world-llm's reason when it has no LLM to ask: rules by design, not a fallback. */
    static final String DISABLED = "disabled";

    private final MeterRegistry registry;
    private final Timer duration;
    private final StatsRecorder stats;

    ActionMetrics(MeterRegistry registry, StatsRecorder stats) {
        this.registry = registry;
        this.stats = stats;
        this.duration = Timer.builder("langomni.action.duration")
                .description("Time from received action to published result")
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
        stats.action(took);
    }

    /**
     * A narration answered by the rules instead of an LLM, and why ({@code timeout}, {@code error}, ...). Except
     * for {@code disabled} (no LLM configured) it was meant for the LLM: a fallback in the panel's figures.
     */
    public void fallback(String reason) {
        Counter.builder("langomni.narration.fallbacks").description("Narrations the rules answered instead of an LLM")
                .tag("reason", reason).register(registry).increment();
        if (!DISABLED.equals(reason)) {
            stats.llmNarration(true);
        }
    }

    /** A narration an LLM wrote (streamed world narration or NPC line), not a cached one. */
    public void llmNarrated() {
        stats.llmNarration(false);
    }

    /** The first delta of a streamed narration reached the publisher, {@code sinceReceived} after the action came in. */
    public void firstDelta(Duration sinceReceived) {
        stats.ttft(sinceReceived);
    }

    /** An action turned away before the rules saw it (rate_limited, busy, ...). */
    public void rejected(String code) {
        Counter.builder("langomni.actions.rejected").description("Actions refused by the pipeline")
                .tag("code", code).register(registry).increment();
        if (ErrorCodes.RATE_LIMITED.equals(code)) {
            stats.rateLimited();
        }
    }
}
