package com.langomni.orchestrator.admin.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsCountsTest {

    @Test
    void onlyNonZeroCountsBecomeFieldsAndTheyReadBack() {
        StatsCounts counts = new StatsCounts();
        counts.action(3);
        counts.action(40);
        counts.ttft(250);
        counts.rateLimited();
        counts.llmNarration(true);
        counts.llmNarration(false);
        counts.cacheLookup(true);
        counts.cacheLookup(false);
        counts.cacheLookup(false);

        Map<String, Long> fields = counts.fields();
        assertEquals(Map.of("actions", 2L, "lat.2", 1L, "lat.5", 1L, "ttft.8", 1L, "rateLimited", 1L, "llm", 2L,
                "fallbacks", 1L, "cacheHits", 1L, "cacheMisses", 2L), fields);

        StatsCounts back = StatsCounts.of(fields);
        assertEquals(fields, back.fields());
        assertEquals(2, back.actions());
        assertEquals(1, back.ttftSamples());
        assertEquals(1, back.fallbacks());
        assertEquals(2, back.llmNarrations());
        assertEquals(2, back.cacheMisses());
    }

    @Test
    void countsAddUp() {
        StatsCounts a = new StatsCounts();
        a.action(1);
        a.rateLimited();
        StatsCounts b = new StatsCounts();
        b.action(1);
        b.action(700);
        b.cacheLookup(true);

        a.add(b);
        assertEquals(3, a.actions());
        assertEquals(1, a.rateLimitedCount());
        assertEquals(1, a.cacheHits());
        long[] expected = new long[LatencyHistogram.BUCKETS];
        expected[0] = 2;
        expected[9] = 1;
        assertArrayEquals(expected, a.latency());
    }

    @Test
    void fieldsOfAnotherVersionAreIgnored() {
        Map<String, Long> fields = new HashMap<>(Map.of("actions", 4L, "lat.99", 7L, "lat.x", 1L, "future", 3L));
        fields.put("llm", null);
        StatsCounts counts = StatsCounts.of(fields);
        assertEquals(Map.of("actions", 4L), counts.fields());
        assertTrue(new StatsCounts().isEmpty());
    }
}
