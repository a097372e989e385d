package com.langomni.orchestrator.admin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import com.langomni.orchestrator.admin.topology.BackendFigures;

class HistoryStepsTest {

    @Test
    void stepsStartOnTheirBoundary() {
        assertEquals(1_000, HistorySteps.stepStart(1_009, 10));
        assertEquals(1_010, HistorySteps.stepStart(1_010, 10));
    }

    @Test
    void everyStepIsThereOldestFirstEvenWithoutData() {
        StatsCounts busy = new StatsCounts();
        busy.action(12);
        busy.action(30);

        List<HistorySteps.Step> steps = HistorySteps.steps(1_000, 4, 10, Map.of(1_020L, busy), Map.of());

        assertEquals(List.of(1_000L, 1_010L, 1_020L, 1_030L), steps.stream().map(HistorySteps.Step::startSecond).toList());
        assertEquals(0, steps.get(0).counts().actions());
        assertNull(steps.get(0).latencyMs(0.5));
        assertEquals(2, steps.get(2).counts().actions());
        assertEquals(20.0, steps.get(2).latencyMs(0.5), 1e-9);
        assertTrue(steps.get(3).backends().isEmpty());
    }

    @Test
    void backendSamplesAverageWithinTheirStep() {
        Map<Long, Map<String, BackendFigures>> samples = Map.of(
                1_000L, Map.of("world", new BackendFigures(40.0, 0.1, 0.0)),
                1_005L, Map.of("world", new BackendFigures(60.0, null, 2.0), "npc-1", new BackendFigures(10.0, 0.5, 1.0)),
                1_010L, Map.of("world", new BackendFigures(7.0, 0.7, 7.0)));

        List<HistorySteps.Step> steps = HistorySteps.steps(1_000, 2, 10, Map.of(), samples);

        assertEquals(new BackendFigures(50.0, 0.1, 1.0), steps.get(0).backends().get("world"));
        assertEquals(new BackendFigures(10.0, 0.5, 1.0), steps.get(0).backends().get("npc-1"));
        assertEquals(new BackendFigures(7.0, 0.7, 7.0), steps.get(1).backends().get("world"));
        assertEquals(1, steps.get(1).backends().size());
    }
}
