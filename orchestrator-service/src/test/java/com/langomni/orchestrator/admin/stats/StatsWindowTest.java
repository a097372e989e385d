package com.langomni.orchestrator.admin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsWindowTest {

    @Test
    void ratesAverageTheNewestSecondsAndTotalsCoverTheWindow() {
        List<StatsCounts> seconds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            StatsCounts second = new StatsCounts();
            int actions = i < 50 ? 1 : 3; // the last 10 seconds are busier
            for (int a = 0; a < actions; a++) {
                second.action(15);
            }
            if (i % 30 == 0) {
                second.rateLimited();
            }
            seconds.add(second);
        }

        StatsWindow window = StatsWindow.of(seconds, 10);
        assertEquals(3.0, window.actionsPerSecond(), 1e-9);
        assertEquals(80, window.actionsLastMinute());
        assertEquals(15.0, window.latencyP50Ms(), 1e-9);
        assertEquals(2, window.rateLimitedLastMinute());
        assertEquals(0.0, window.rateLimitedPerSecond(), 1e-9);
    }

    @Test
    void nothingToMeasureIsNullNotZero() {
        List<StatsCounts> seconds = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            seconds.add(new StatsCounts());
        }
        StatsWindow window = StatsWindow.of(seconds, 10);
        assertEquals(0, window.actionsLastMinute());
        assertNull(window.latencyP50Ms());
        assertNull(window.latencyP99Ms());
        assertNull(window.ttftP95Ms());
        assertEquals(0, window.ttftSamples());
        assertNull(window.fallbackRate());
    }

    @Test
    void theFallbackRateIsOfNarrationsMeantForAnLlm() {
        StatsCounts second = new StatsCounts();
        second.llmNarration(true);
        second.llmNarration(false);
        second.llmNarration(false);
        second.llmNarration(false);
        second.ttft(300);
        StatsWindow window = StatsWindow.of(List.of(new StatsCounts(), second), 10);
        assertEquals(0.25, window.fallbackRate(), 1e-9);
        assertEquals(1, window.fallbacksLastMinute());
        assertEquals(1, window.ttftSamples());
        assertEquals(350.0, window.ttftP50Ms(), 1e-9); // halfway through (200, 500]
    }

    @Test
    void theCacheHitRateIsOfTheWindowsLookups() {
        StatsCounts first = new StatsCounts();
        first.cacheLookup(false);
        StatsCounts second = new StatsCounts();
        second.cacheLookup(true);
        second.cacheLookup(true);
        second.cacheLookup(false);
        StatsWindow window = StatsWindow.of(List.of(first, second), 10);
        assertEquals(2, window.cacheHitsLastMinute());
        assertEquals(2, window.cacheMissesLastMinute());
        assertEquals(0.5, window.cacheHitRate(), 1e-9);
        assertNull(StatsWindow.of(List.of(new StatsCounts()), 10).cacheHitRate());
    }
}
