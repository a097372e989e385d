package com.langomni.llm.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BackendMetersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final BackendMonitor monitor = new BackendMonitor("world", "world", "http://model:8000/v1", "m", 2,
            System::currentTimeMillis);

    @Test
    void healthLoadRequestsAndFailuresFollowTheMonitor() {
        BackendMeters.bind(registry, monitor, "world");
        assertEquals(1, gauge("langomni.llm.backend.up"));

        monitor.started();
        monitor.started();
        assertEquals(2, gauge("langomni.llm.backend.in.flight"));
        monitor.failed(new IOException("connection refused"));
        monitor.succeeded();
        assertEquals(0, gauge("langomni.llm.backend.in.flight"));
        assertEquals(2, counter("langomni.llm.backend.requests"));
        assertEquals(1, counter("langomni.llm.backend.failures"));

        monitor.probeFailed("unreachable");
        monitor.probeFailed("unreachable");
        assertEquals(0, gauge("langomni.llm.backend.up"), "ejected after two failures in a row");
        monitor.probeSucceeded(null);
        assertEquals(1, gauge("langomni.llm.backend.up"), "readmitted by a passing probe");
    }

    private double gauge(String name) {
        return registry.get(name).tag("backend", "world").tag("role", "world").gauge().value();
    }

    private double counter(String name) {
        return registry.get(name).tag("backend", "world").tag("role", "world").functionCounter().count();
    }
}
