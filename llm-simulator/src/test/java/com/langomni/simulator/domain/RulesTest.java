package com.langomni.simulator.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Context-window check, fault draws and the loading gate. */
class RulesTest {
    private final EngineSettings settings = new TestSettings().build(); // max-model-len 2048, default 32

    @Test
    void contextLengthOverflowIsRefusedInVllmsWords() {
        ContextWindow.Decision d = ContextWindow.decide(2000, 100, settings);
        assertFalse(d.ok());
        assertEquals("This model's maximum context length is 2048 tokens. However, you requested 2100 tokens "
                + "(2000 in the messages, 100 in the completion). Please reduce the length of the messages or "
                + "completion.", d.error());
        assertTrue(ContextWindow.decide(2048, null, settings).error().contains("your request has 2048 input tokens"));
        assertFalse(ContextWindow.decide(10, 0, settings).ok());
    }

    @Test
    void budgetIsTheRequestOrTheDefaultCappedByTheWindow() {
        assertEquals(100, ContextWindow.decide(1948, 100, settings).maxTokens());
        assertEquals(32, ContextWindow.decide(10, null, settings).maxTokens());
        assertEquals(8, ContextWindow.decide(2040, null, settings).maxTokens());
    }

    @Test
    void faultsAreDrawnByCumulativeRate() {
        FaultPlan plan = new FaultPlan(0.1, 0.2, 0.3, 0.4, 5);
        assertEquals(Fault.ERROR, plan.decide(0.05));
        assertEquals(Fault.HANG, plan.decide(0.25));
        assertEquals(Fault.STALL, plan.decide(0.55));
        assertEquals(Fault.CRASH, plan.decide(0.95));
        assertEquals(Fault.NONE, FaultPlan.NONE.decide(0.0));
        assertEquals(Fault.NONE, new FaultPlan(0.5, 0, 0, 0, 0).decide(0.5));
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan(0.6, 0.6, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan(-0.1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan(Double.NaN, 0, 0, 0, 0));
    }

    @Test
    void loadingLastsItsTimeAndCanBeRestarted() {
        FakeClock clock = new FakeClock();
        StartupGate gate = new StartupGate(clock, 2_000_000_000L);
        assertTrue(gate.loading());
        clock.advanceMillis(1999);
        assertTrue(gate.loading());
        clock.advanceMillis(1);
        assertFalse(gate.loading());
        gate.loadFor(500_000_000L);
        assertTrue(gate.loading());
        gate.loadFor(0);
        assertFalse(gate.loading());
    }

    @Test
    void settingsRejectImpossibleCombinations() {
        TestSettings s = new TestSettings();
        s.kvCacheBlocks = 10; // 160 tokens cannot hold a 2048-token sequence
        assertThrows(IllegalArgumentException.class, s::build);
        TestSettings j = new TestSettings();
        j.jitter = 1;
        assertThrows(IllegalArgumentException.class, j::build);
    }
}
