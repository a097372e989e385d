package com.langomni.npc.service;

import com.langomni.api.narration.TokenUsage;
import com.langomni.npc.domain.Route;
import com.langomni.npc.domain.RoutingStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The LLM path's meters. Tags are bounded: replica names (npc-1..N), fixed outcome and reason words, the
 * strategy; never player or NPC ids.
 */
@ApplicationScoped
public class NpcLlmMetrics {
    private final MeterRegistry registry;
    private final Map<String, Timer> ttft = new ConcurrentHashMap<>();

    public NpcLlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Where a request was sent: affinity kept, diverted for load, or round robin. */
    void routed(RoutingStrategy strategy, Route route) {
        registry.counter("langomni.npc.router.decisions", "strategy", strategy.configName(),
                "decision", route.decision().tag()).increment();
    }

    /** One attempt on one replica ended: success, timeout, broken, busy, rejected, error or cancelled. */
    void attempt(String replica, String outcome) {
        registry.counter("langomni.npc.llm.requests", "replica", replica, "outcome", outcome).increment();
    }

    void retry(String failedOutcome) {
        registry.counter("langomni.npc.llm.retries", "after", failedOutcome).increment();
    }

    void fallback(String reason) {
        registry.counter("langomni.npc.llm.fallbacks", "reason", reason).increment();
    }

    void firstToken(String replica, long nanos) {
        ttft.computeIfAbsent(replica, r -> Timer.builder("langomni.npc.llm.ttft")
                .description("Time from sending a request to a replica to its first token")
                .tag("replica", r).publishPercentileHistogram().register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void tokens(String replica, TokenUsage usage) {
        if (usage == null) {
            return;
        }
        registry.counter("langomni.npc.llm.tokens", "replica", replica, "kind", "prompt")
                .increment(usage.promptTokens());
        registry.counter("langomni.npc.llm.tokens", "replica", replica, "kind", "completion")
                .increment(usage.completionTokens());
    }
}
