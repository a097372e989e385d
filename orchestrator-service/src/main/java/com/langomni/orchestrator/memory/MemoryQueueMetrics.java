package com.langomni.orchestrator.memory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Micrometer view of the memory write queue, every series registered up front: {@code langomni.memory.queue.queued},
 * {@code .delivered}, {@code .attempts} (POSTs to memory-service), {@code .failures} (tag reason: unavailable =
 * failed while memory-service was not ready, not counted against the write; error = failed while it was ready;
 * rejected = a 4xx), {@code .retried} (failed deliveries that will be tried again), {@code .dead.lettered} (tag
 * reason: attempts = out of attempts, rejected, malformed), {@code .dropped} (tag reason: trimmed = cut by MAXLEN
 * before delivery, unqueued = Redis refused the XADD), and the gauges {@code .lag} (writes not delivered yet: in
 * the stream or waiting for their next attempt) and {@code .dead.letters} (entries in the dead-letter stream), both
 * sampled by the worker each round.
 */
@ApplicationScoped
public class MemoryQueueMetrics {

    static final String UNAVAILABLE = "unavailable";
    static final String ERROR = "error";
    static final String REJECTED = "rejected";
    static final String ATTEMPTS = "attempts";
    static final String MALFORMED = "malformed";
    static final String TRIMMED = "trimmed";
    static final String UNQUEUED = "unqueued";

    private final Counter queued;
    private final Counter delivered;
    private final Counter attempts;
    private final Counter retried;
    private final Map<String, Counter> failures;
    private final Map<String, Counter> deadLettered;
    private final Map<String, Counter> dropped;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    MemoryQueueMetrics(MeterRegistry registry) {
        this.queued = Counter.builder("langomni.memory.queue.queued").description("Memory writes put on the queue")
                .register(registry);
        this.delivered = Counter.builder("langomni.memory.queue.delivered")
                .description("Memory writes memory-service accepted").register(registry);
        this.attempts = Counter.builder("langomni.memory.queue.attempts")
                .description("Memory writes sent to memory-service (every attempt)").register(registry);
        this.retried = Counter.builder("langomni.memory.queue.retried")
                .description("Failed deliveries that will be retried").register(registry);
        this.failures = tagged(registry, "langomni.memory.queue.failures", "Failed deliveries",
                List.of(UNAVAILABLE, ERROR, REJECTED));
        this.deadLettered = tagged(registry, "langomni.memory.queue.dead.lettered",
                "Memory writes moved to the dead-letter stream", List.of(ATTEMPTS, REJECTED, MALFORMED));
        this.dropped = tagged(registry, "langomni.memory.queue.dropped", "Memory writes given up on",
                List.of(TRIMMED, UNQUEUED));
        Gauge.builder("langomni.memory.queue.lag", lag, AtomicLong::get)
                .description("Memory writes not delivered yet").register(registry);
        Gauge.builder("langomni.memory.queue.dead.letters", deadLetters, AtomicLong::get)
                .description("Memory writes in the dead-letter stream").register(registry);
    }

    private static Map<String, Counter> tagged(MeterRegistry registry, String name, String description,
                                               List<String> reasons) {
        return reasons.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                reason -> Counter.builder(name).description(description).tag("reason", reason).register(registry)));
    }

    void queued() {
        queued.increment();
    }

    void delivered() {
        delivered.increment();
    }

    void attempted() {
        attempts.increment();
    }

    void retried() {
        retried.increment();
    }

    void failed(String reason) {
        failures.get(reason).increment();
    }

    void deadLettered(String reason) {
        deadLettered.get(reason).increment();
    }

    void dropped(String reason) {
        dropped.get(reason).increment();
    }

    void lag(long entries) {
        lag.set(entries);
    }

    void deadLetters(long entries) {
        deadLetters.set(entries);
    }

    public double droppedCount(String reason) {
        return dropped.get(reason).count();
    }

    public double deadLetteredCount(String reason) {
        return deadLettered.get(reason).count();
    }

    public double failureCount(String reason) {
        return failures.get(reason).count();
    }

    public double deliveredCount() {
        return delivered.count();
    }
}
