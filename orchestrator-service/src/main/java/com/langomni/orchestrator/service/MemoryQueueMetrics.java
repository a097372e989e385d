package com.langomni.orchestrator.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer view of the memory write queue: {@code langomni.memory.queue.queued}, {@code .delivered},
 * {@code .retried} (failed deliveries that will be tried again), {@code .dropped} (tag reason: rejected = a 4xx
 * from memory-service, malformed, trimmed = cut by MAXLEN before delivery, unqueued = Redis refused the XADD) and
 * the gauge {@code .lag} (entries in the stream not delivered yet, sampled by the worker each round).
 */
@ApplicationScoped
public class MemoryQueueMetrics {

    static final String REJECTED = "rejected";
    static final String MALFORMED = "malformed";
    static final String TRIMMED = "trimmed";
    static final String UNQUEUED = "unqueued";

    private final MeterRegistry registry;
    private final Counter queued;
    private final Counter delivered;
    private final Counter retried;
    private final AtomicLong lag = new AtomicLong();

    MemoryQueueMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.queued = Counter.builder("langomni.memory.queue.queued").description("Memory writes put on the queue")
                .register(registry);
        this.delivered = Counter.builder("langomni.memory.queue.delivered")
                .description("Memory writes memory-service accepted").register(registry);
        this.retried = Counter.builder("langomni.memory.queue.retried")
                .description("Failed deliveries that will be retried").register(registry);
        Gauge.builder("langomni.memory.queue.lag", lag, AtomicLong::get)
                .description("Memory writes in the stream not delivered yet").register(registry);
    }

    void queued() {
        queued.increment();
    }

    void delivered() {
        delivered.increment();
    }

    void retried() {
        retried.increment();
    }

    void dropped(String reason) {
        Counter.builder("langomni.memory.queue.dropped").description("Memory writes given up on")
                .tag("reason", reason).register(registry).increment();
    }

    void lag(long entries) {
        lag.set(entries);
    }

    public double droppedCount(String reason) {
        Counter counter = registry.find("langomni.memory.queue.dropped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    public double deliveredCount() {
        return delivered.count();
    }
}
