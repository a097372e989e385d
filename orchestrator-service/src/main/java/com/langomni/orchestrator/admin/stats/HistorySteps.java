package com.langomni.orchestrator.admin.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.langomni.orchestrator.admin.topology.BackendFigures;

/**
 * Turns recorded step counts and backend samples into a time series with one point per step, oldest first. Steps
 * in which nothing was recorded are still there (zero counts, null percentiles), so a chart keeps its time axis.
 */
public final class HistorySteps {

    private HistorySteps() {
    }

    /**
     * One step.
     *
     * @param startSecond epoch second the step begins at
     * @param backends    per backend name, the mean of the samples taken during the step
     */
    public record Step(long startSecond, StatsCounts counts, Map<String, BackendFigures> backends) {

        public Double latencyMs(double quantile) {
            return LatencyHistogram.quantile(counts.latency(), quantile);
        }

        public Double ttftMs(double quantile) {
            return LatencyHistogram.quantile(counts.ttft(), quantile);
        }
    }

    /** The start of the step holding {@code epochSecond}. */
    public static long stepStart(long epochSecond, int stepSeconds) {
        return Math.floorDiv(epochSecond, stepSeconds) * stepSeconds;
    }

    /**
     * @param firstStart start of the first step (a multiple of {@code stepSeconds})
     * @param count      number of steps
     * @param counts     recorded counts by step start; a missing step had nothing
     * @param samples    backend samples by the epoch second they were taken at
     */
    public static List<Step> steps(long firstStart, int count, int stepSeconds, Map<Long, StatsCounts> counts,
                                   Map<Long, Map<String, BackendFigures>> samples) {
        Map<Long, List<Map<String, BackendFigures>>> samplesByStep = new TreeMap<>();
        samples.forEach((second, sample) -> samplesByStep
                .computeIfAbsent(stepStart(second, stepSeconds), step -> new ArrayList<>()).add(sample));
        List<Step> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = firstStart + (long) i * stepSeconds;
            StatsCounts recorded = counts.get(start);
            steps.add(new Step(start, recorded == null ? new StatsCounts() : recorded,
                    average(samplesByStep.getOrDefault(start, List.of()))));
        }
        return steps;
    }

    private static Map<String, BackendFigures> average(List<Map<String, BackendFigures>> samples) {
        Map<String, List<BackendFigures>> byBackend = new TreeMap<>();
        samples.forEach(sample -> sample.forEach((name, figures) ->
                byBackend.computeIfAbsent(name, n -> new ArrayList<>()).add(figures)));
        Map<String, BackendFigures> averaged = new LinkedHashMap<>();
        byBackend.forEach((name, figures) -> averaged.put(name, BackendFigures.average(figures)));
        return averaged;
    }
}
