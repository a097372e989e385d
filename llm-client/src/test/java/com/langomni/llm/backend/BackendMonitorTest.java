package com.langomni.llm.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.llm.BackendStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class BackendMonitorTest {

    private final BackendMonitor monitor = new BackendMonitor("npc-1", "npc", "http://x/v1", "m", 2, () -> 42L);

    @Test
    void ejectsAfterFailuresInARowAndAProbeReadmits() {
        monitor.started();
        monitor.failed(new IOException("connection refused"));
        assertTrue(monitor.healthy(), "one failure is not enough");
        monitor.probeFailed("health answered 503");
        assertFalse(monitor.healthy());
        assertEquals("health answered 503", monitor.status().lastError());

        monitor.probeSucceeded(null);
        assertTrue(monitor.healthy());
    }

    @Test
    void aRequestThatCannotConnectReadsAsAFailedProbeDoes() {
        // however the request path wraps it (client exception, retry bookkeeping), a refused connection is
        // "unreachable", as the prober says of the same backend: lastError must not depend on who noticed first
        ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:1");
        monitor.started();
        monitor.failed(new RuntimeException("ProcessingException: " + refused, new UncheckedIOException(
                new IOException("wrapped", refused))));
        assertEquals("unreachable: Connection refused: /127.0.0.1:1", monitor.status().lastError());
        assertEquals(BackendMonitor.unreachable(new IllegalStateException("probe", refused)),
                monitor.status().lastError());

        monitor.started();
        monitor.failed(new IOException("Connection was closed"));
        assertEquals("IOException: Connection was closed", monitor.status().lastError(), "not a connect failure");
        assertEquals("unreachable: TimeoutException",
                BackendMonitor.unreachable(new java.util.concurrent.TimeoutException()));
    }

    @Test
    void aSuccessBreaksTheRun() {
        monitor.started();
        monitor.failed(new IOException("reset"));
        monitor.started();
        monitor.succeeded();
        monitor.started();
        monitor.failed(new IOException("reset"));
        assertTrue(monitor.healthy());
        BackendStatus s = monitor.status();
        assertEquals(3, s.requests());
        assertEquals(2, s.failures());
        assertEquals(0, s.inFlight());
    }

    @Test
    void loadIsInFlightPlusTheServersQueue() {
        monitor.started();
        monitor.started();
        assertEquals(2.0, monitor.load());
        monitor.probeSucceeded(new VllmSample(4.0, 3.0, 0.5, null, null, null, 42));
        assertEquals(5.0, monitor.load());
        assertEquals(0.5, monitor.kvCacheUsage());
        monitor.abandoned();
        assertEquals(4.0, monitor.load());
        assertEquals(42, monitor.status().scrapedAt());
    }

    @Test
    void statusWithoutMetricsHasNullFigures() {
        BackendStatus s = monitor.status();
        assertNull(s.running());
        assertNull(s.tokensPerSecond());
        assertEquals(0, s.scrapedAt());
    }

    @Test
    void refusesANonsensicalThreshold() {
        assertThrows(IllegalArgumentException.class, () -> new BackendMonitor("a", "npc", "u", "m", 0, () -> 0));
    }
}
