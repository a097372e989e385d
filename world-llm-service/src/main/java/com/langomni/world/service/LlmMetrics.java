package com.langomni.world.service;

import com.langomni.api.narration.FallbackReason;
import com.langomni.api.narration.TokenUsage;
import com.langomni.llm.backend.BackendMeters;
import com.langomni.world.client.WorldModelClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Meters of the LLM path, and the world model's {@code langomni.llm.backend.*} gauges when one is configured. Every
 * tag value comes from a closed set (outcomes, token kinds): nothing a caller sends can mint a new time series, and
 * no player or action id is ever a tag.
 */
@ApplicationScoped
public class LlmMetrics {
    /** {@code llm} when the model answered, else the fallback reason, or {@code cancelled} when the caller left. */
    static final String LLM = "llm";
    static final String CANCELLED = "cancelled";

    private final MeterRegistry registry;
    private final Timer firstToken;
    private final Map<String, Counter> requests = new HashMap<>();
    private final Map<String, Timer> durations = new HashMap<>();
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final Map<Priority, Map<String, Counter>> degradations = new EnumMap<>(Priority.class);
    /** Gauges read live objects of this app; see {@link #unregister()}. */
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    public LlmMetrics(MeterRegistry registry, WorldModelClient llm) {
        this.registry = registry;
        llm.monitor().ifPresent(monitor -> gauges.addAll(BackendMeters.bind(registry, monitor, "world")));
        this.firstToken = Timer.builder("langomni.world.llm.first.token")
                .description("From a narration request's arrival to the model's first word")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(15)).register(registry);
        for (String outcome : outcomes()) {
            requests.put(outcome, Counter.builder("langomni.world.llm.requests")
                    .description("Narration requests the LLM backend handled, by outcome")
                    .tag("outcome", outcome).register(registry));
            durations.put(outcome, Timer.builder("langomni.world.llm.stream.duration")
                    .description("From a narration request's arrival to its final chunk")
                    .tag("outcome", outcome).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
        }
        for (Priority p : Priority.values()) {
            Map<String, Counter> byReason = new HashMap<>();
            for (String reason : outcomes()) {
                if (!reason.equals(LLM) && !reason.equals(CANCELLED)) {
                    byReason.put(reason, Counter.builder("langomni.world.llm.degradations")
                            .description("Narration requests the rules answered instead of the world model, by"
                                    + " priority and reason")
                            .tag("priority", p.tag()).tag("reason", reason).register(registry));
                }
            }
            degradations.put(p, byReason);
        }
        this.promptTokens = tokens("prompt");
        this.completionTokens = tokens("completion");
    }

    private static List<String> outcomes() {
        List<String> all = new java.util.ArrayList<>();
        for (FallbackReason reason : FallbackReason.values()) {
            // the LLM backend never answers "disabled", and it knows every reason it gives
            if (reason != FallbackReason.DISABLED && reason != FallbackReason.OTHER) {
                all.add(reason.tag());
            }
        }
        all.add(LLM);
        all.add(CANCELLED);
        return all;
    }

    private Counter tokens(String kind) {
        return Counter.builder("langomni.world.llm.tokens").description("Tokens the world model used")
                .tag("kind", kind).register(registry);
    }

    /** The admission queue's figures, read when scraped. */
    void watch(AdmissionQueue queue) {
        gauges.add(Gauge.builder("langomni.world.llm.in.flight", queue, AdmissionQueue::running)
                .description("Narration streams open on the world model").register(registry));
        gauges.add(Gauge.builder("langomni.world.llm.queued", queue, AdmissionQueue::queued)
                .description("Narration requests waiting for a stream slot").register(registry));
        for (Priority p : Priority.values()) {
            gauges.add(Gauge.builder("langomni.world.llm.queue.depth", queue, q -> q.queued(p))
                    .description("Narration requests waiting for a stream slot, by priority")
                    .tag("priority", p.tag()).register(registry));
            gauges.add(FunctionCounter.builder("langomni.world.llm.admissions", queue, q -> q.admitted(p))
                    .description("Narration requests that got a stream slot on the world model, by priority")
                    .tag("priority", p.tag()).register(registry));
        }
        gauges.add(FunctionCounter.builder("langomni.world.llm.cluster.limit.fallbacks", queue,
                        AdmissionQueue::localOnlyAdmissions)
                .description("Admissions under this replica's own limit because Redis (the backend-wide limit) was"
                        + " unreachable").register(registry));
    }

    /** The rules answered a request of this priority instead of the model, for this reason. */
    void degraded(Priority priority, FallbackReason reason) {
        Counter counter = degradations.get(priority).get(reason.tag());
        if (counter != null) {
            counter.increment();
        }
    }

    /** Degradations of this priority since start, by reason. */
    Map<String, Long> degraded(Priority priority) {
        Map<String, Long> counts = new TreeMap<>();
        degradations.get(priority).forEach((reason, counter) -> counts.put(reason, (long) counter.count()));
        return counts;
    }

    /**
     * Outside dev mode Quarkus leaves meters in Micrometer's global registry when the app stops; a test JVM that
     * starts the app again would get the old gauges back, still reading the stopped app's objects.
     */
    @PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }

    void firstToken(long nanos) {
        firstToken.record(Duration.ofNanos(nanos));
    }

    void finished(String outcome, long nanos, TokenUsage usage) {
        requests.get(outcome).increment();
        durations.get(outcome).record(Duration.ofNanos(nanos));
        if (usage != null) {
            promptTokens.increment(usage.promptTokens());
            completionTokens.increment(usage.completionTokens());
        }
    }
}
