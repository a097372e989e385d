package com.langomni.npc.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts importance and reflection answers by source and reason (fixed words only). */
@ApplicationScoped
public class InsightMetrics {
    private final MeterRegistry registry;

    public InsightMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param kind   {@code importance} or {@code reflect}
     * @param source {@code llm} or {@code rules}
     * @param reason {@code ok}, {@code no_llm}, {@code unparseable}, or a {@link NoLineException#reason()}
     */
    void answered(String kind, String source, String reason) {
        registry.counter("langomni.npc.insight.requests", "kind", kind, "source", source, "reason", reason)
                .increment();
    }
}
