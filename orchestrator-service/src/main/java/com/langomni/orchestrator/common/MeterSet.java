package com.langomni.orchestrator.common;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Meters registered up front, one per value of a closed set of tag values; any other value lands on the
 * {@code other} meter, so nothing a caller or another service sends can mint a new time series, and the hot path
 * does a map lookup instead of building a meter.
 */
public final class MeterSet<M> {

    static final String OTHER = "other";

    private final Map<String, M> meters;
    private final M other;

    public MeterSet(Collection<String> values, Function<String, M> register) {
        this.meters = values.stream().distinct().collect(Collectors.toUnmodifiableMap(v -> v, register));
        this.other = meters.containsKey(OTHER) ? meters.get(OTHER) : register.apply(OTHER);
    }

    public M get(String value) {
        M meter = value == null ? null : meters.get(value);
        return meter == null ? other : meter;
    }
}
