package com.langomni.orchestrator.admin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsBufferTest {

    @Test
    void countsArePerSecondAndADrainEmptiesTheBuffer() {
        StatsBuffer buffer = new StatsBuffer();
        buffer.record(11, c -> c.action(5));
        buffer.record(10, StatsCounts::rateLimited);
        buffer.record(11, c -> c.action(5));

        Map<Long, StatsCounts> drained = buffer.drain();
        assertEquals(List.of(10L, 11L), List.copyOf(drained.keySet()));
        assertEquals(2, drained.get(11L).actions());
        assertEquals(1, drained.get(10L).rateLimitedCount());
        assertTrue(buffer.drain().isEmpty());
    }
}
