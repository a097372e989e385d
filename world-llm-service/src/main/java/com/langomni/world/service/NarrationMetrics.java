package com.langomni.world.service;

import com.langomni.api.narration.FallbackReason;
import com.langomni.api.outcome.Verb;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Meters of every narration, whichever backend wrote it: {@code langomni.world.narrations} by intent and source,
 * {@code langomni.world.narration.fallbacks} by reason, and the time to narrate. All registered up front over closed
 * sets ({@link Verb} and {@link FallbackReason}, which read any word they do not know as {@code unknown} and
 * {@code other}), so a caller cannot mint a time series.
 */
final class NarrationMetrics {
    static final List<String> SOURCES = List.of("llm", "rules");

    private final Timer duration;
    private final Map<String, Counter> narrations = new HashMap<>();
    private final Map<String, Counter> fallbacks = new HashMap<>();

    NarrationMetrics(MeterRegistry registry, String backend) {
        this.duration = Timer.builder("langomni.world.narration.duration").description("Time to narrate one action")
                .tag("backend", backend).register(registry);
        for (Verb intent : Verb.values()) {
            for (String source : SOURCES) {
                narrations.put(intent.wire() + '/' + source, Counter.builder("langomni.world.narrations")
                        .description("Narrations written").tag("backend", backend).tag("source", source)
                        .tag("intent", intent.wire()).register(registry));
            }
        }
        for (FallbackReason reason : FallbackReason.values()) {
            for (boolean afterDeltas : new boolean[] {false, true}) {
                fallbacks.put(reason.tag() + '/' + afterDeltas, Counter.builder("langomni.world.narration.fallbacks")
                        .description("Narrations the rule narrator wrote instead of the configured backend")
                        .tag("reason", reason.tag()).tag("after_deltas", Boolean.toString(afterDeltas))
                        .register(registry));
            }
        }
    }

    /** One narration done: its final chunk's source, its fallback reason (null when none), whether deltas went out. */
    void narrated(Verb intent, String source, FallbackReason fallbackReason, boolean afterDeltas, long nanos) {
        duration.record(nanos, TimeUnit.NANOSECONDS);
        Counter narration = narrations.get((intent == null ? Verb.UNKNOWN : intent).wire() + '/' + source);
        if (narration != null) { // sources are the backends' own two words
            narration.increment();
        }
        if (fallbackReason != null) {
            fallbacks.get(fallbackReason.tag() + '/' + afterDeltas).increment();
        }
    }
}
