package com.langomni.world.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.langomni.api.narration.FallbackReason;
import com.langomni.api.outcome.Verb;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class NarrationMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final NarrationMetrics metrics = new NarrationMetrics(registry, "openai");

    @Test
    void everySeriesExistsBeforeTheFirstNarration() {
        assertEquals(Verb.values().length * 2, registry.find("langomni.world.narrations").counters().size());
        assertEquals(FallbackReason.values().length * 2,
                registry.find("langomni.world.narration.fallbacks").counters().size());
    }

    @Test
    void whatCallersInventIsClampedToTheKnownSet() {
        // what arrives on the wire is read through the closed sets: an unknown verb, an alias, an unknown reason
        metrics.narrated(Verb.of("moonwalk"), "llm", null, true, 1_000_000);
        metrics.narrated(Verb.of("kill"), "rules", FallbackReason.of("a reason nobody knows"), false, 1_000_000);
        metrics.narrated(Verb.of("look"), "rules", FallbackReason.of("timeout"), true, 1_000_000);

        assertEquals(1, registry.get("langomni.world.narrations").tag("intent", "unknown").tag("source", "llm")
                .counter().count());
        assertEquals(1, registry.get("langomni.world.narrations").tag("intent", "attack").tag("source", "rules")
                .counter().count());
        assertEquals(1, registry.get("langomni.world.narration.fallbacks").tag("reason", "other")
                .tag("after_deltas", "false").counter().count());
        assertEquals(1, registry.get("langomni.world.narration.fallbacks").tag("reason", "timeout")
                .tag("after_deltas", "true").counter().count());
        assertEquals(3, registry.get("langomni.world.narration.duration").timer().count());
        assertEquals(Verb.values().length * 2, registry.find("langomni.world.narrations").counters().size(),
                "no new series");
    }
}
