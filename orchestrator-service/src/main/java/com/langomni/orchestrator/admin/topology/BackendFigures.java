package com.langomni.orchestrator.admin.topology;

import java.util.List;
import java.util.Objects;

/** An LLM backend's load at one sample (figures it does not export are null). */
public record BackendFigures(Double tokensPerSecond, Double kvCacheUsage, Double waiting) {

    /** The mean of each figure over the samples that have it; null where none has. */
    public static BackendFigures average(List<BackendFigures> samples) {
        return new BackendFigures(mean(samples.stream().map(BackendFigures::tokensPerSecond).toList()),
                mean(samples.stream().map(BackendFigures::kvCacheUsage).toList()),
                mean(samples.stream().map(BackendFigures::waiting).toList()));
    }

    private static Double mean(List<Double> values) {
        List<Double> known = values.stream().filter(Objects::nonNull).toList();
        return known.isEmpty() ? null : known.stream().mapToDouble(Double::doubleValue).sum() / known.size();
    }
}
