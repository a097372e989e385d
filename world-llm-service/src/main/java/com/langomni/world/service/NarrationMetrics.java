package com.langomni.world.service;

import com.langomni.world.domain.Intents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Meters of every narration, whichever backend wrote it: {@code langomni.world.narrations} by intent and source,
 * {@code langomni.world.narration.fallbacks} by reason, and the time to narrate. All registered up front over closed
 * sets (the intent is clamped by {@link Intents#normalize}), so a caller cannot mint a time series.
 */
final class NarrationMetrics {
    static final List<String> SOURCES = List.of("llm", "rules");
    private static final String OTHER = "other";

    private final Timer duration;
    private final Map<String, Counter> narrations = new HashMap<>();
    private final Map<String, Counter> fallbacks = new HashMap<>();

    NarrationMetrics(MeterRegistry registry, String backend) {
        this.duration = Timer.builder("langomni.world.narration.duration").description("Time to narrate one action")
                .tag("backend", backend).register(registry);
        for (String intent : Intents.KNOWN) {
            for (String source : SOURCES) {
                narrations.put(intent + '/' + source, Counter.builder("langomni.world.narrations")
                        .description("Narrations written").tag("backend", backend).tag("source", source)
                        .tag("intent", intent).register(registry));
            }
        }
        for (String reason : reasons()) {
            for (boolean afterDeltas : new boolean[] {false, true}) {
                fallbacks.put(reason + '/' + afterDeltas, Counter.builder("langomni.world.narration.fallbacks")
                        .description("Narrations the rule narrator wrote instead of the configured backend")
                        .tag("reason", reason).tag("after_deltas", Boolean.toString(afterDeltas)).register(registry));
            }
        }
    }

    private static List<String> reasons() {
        List<String> all = new ArrayList<>(FallbackReasons.ALL);
        all.add(OTHER);
        return all;
    }

    /** One narration done: its final chunk's source, its fallback reason (null when none), whether deltas went out. */
    void narrated(String intent, String source, String fallbackReason, boolean afterDeltas, long nanos) {
        duration.record(nanos, TimeUnit.NANOSECONDS);
        Counter narration = narrations.get(Intents.normalize(intent) + '/' + source);
        if (narration != null) { // sources are the backends' own two words
            narration.increment();
        }
        if (fallbackReason != null) {
            String reason = FallbackReasons.ALL.contains(fallbackReason) ? fallbackReason : OTHER;
            fallbacks.get(reason + '/' + afterDeltas).increment();
        }
    }
}
