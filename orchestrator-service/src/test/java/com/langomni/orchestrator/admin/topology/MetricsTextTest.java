package com.langomni.orchestrator.admin.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsTextTest {

    private static final String TEXT = """
            # HELP process_uptime_seconds The uptime of the Java virtual machine
            # TYPE process_uptime_seconds gauge
            process_uptime_seconds 1234.5
            process_uptime_seconds_max 9
            langomni_gateway_sockets_open{instance="a"} 3.0
            langomni_gateway_sockets_open{instance="b",zone="x y"} 4.0
            broken_metric NaN
            """;

    @Test
    void aPlainSampleIsRead() {
        assertEquals(Optional.of(1234.5), MetricsText.value(TEXT, "process_uptime_seconds"));
    }

    @Test
    void labelledSamplesAreSummed() {
        assertEquals(Optional.of(7.0), MetricsText.value(TEXT, "langomni_gateway_sockets_open"));
    }

    @Test
    void aMissingOrUnreadableMetricIsEmpty() {
        assertTrue(MetricsText.value(TEXT, "process_uptime").isEmpty());
        assertTrue(MetricsText.value(TEXT, "broken_metric").isEmpty());
        assertTrue(MetricsText.value(null, "process_uptime_seconds").isEmpty());
    }
}
