package com.langomni.llm.backend;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * The {@code langomni.llm.backend.*} family over one backend's {@link BackendMonitor}, the same in world-llm and
 * npc-llm so one dashboard shows every model server: health (1/0), requests open, requests sent and failed. Read
 * when scraped; nothing is added to a request's path. Tags: the backend's configured name and role only.
 */
public final class BackendMeters {

    private BackendMeters() {
    }

    /** Registers the family for {@code monitor}; returns the meters, for their owner to remove at shutdown. */
    public static List<Meter> bind(MeterRegistry registry, BackendMonitor monitor, String role) {
        Tags tags = Tags.of("backend", monitor.name(), "role", role);
        Meter up = Gauge.builder("langomni.llm.backend.up", monitor, m -> m.healthy() ? 1 : 0)
                .description("1 while the LLM backend is in service, 0 while ejected or unreachable")
                .tags(tags).strongReference(true).register(registry);
        Meter inFlight = Gauge.builder("langomni.llm.backend.in.flight", monitor, BackendMonitor::inFlight)
                .description("Requests this service has open on the LLM backend")
                .tags(tags).strongReference(true).register(registry);
        Meter requests = FunctionCounter.builder("langomni.llm.backend.requests", monitor, m -> m.status().requests())
                .description("Requests this service sent to the LLM backend")
                .tags(tags).register(registry);
        Meter failures = FunctionCounter.builder("langomni.llm.backend.failures", monitor, m -> m.status().failures())
                .description("Requests that failed for the LLM backend's fault (errors, not timeouts)")
                .tags(tags).register(registry);
        return List.of(up, inFlight, requests, failures);
    }
}
