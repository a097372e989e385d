package com.langomni.orchestrator.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterSetTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final MeterSet<Counter> reasons = new MeterSet<>(List.of("timeout", "error"),
            reason -> Counter.builder("test.fallbacks").tag("reason", reason).register(registry));

    @Test
    void everyKnownValueAndOtherAreRegisteredUpFront() {
        assertEquals(3, registry.find("test.fallbacks").counters().size());
        assertEquals(0, registry.get("test.fallbacks").tag("reason", "other").counter().count());
    }

    @Test
    void unknownAndMissingValuesLandOnOther() {
        reasons.get("whatever a remote service invents").increment();
        reasons.get(null).increment();
        reasons.get("timeout").increment();

        assertEquals(2, registry.get("test.fallbacks").tag("reason", "other").counter().count());
        assertEquals(1, registry.get("test.fallbacks").tag("reason", "timeout").counter().count());
        assertEquals(3, registry.find("test.fallbacks").counters().size(), "no new series");
        assertSame(reasons.get("error"), reasons.get("error"));
    }
}
