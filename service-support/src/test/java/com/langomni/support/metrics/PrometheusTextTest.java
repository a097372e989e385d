package com.langomni.support.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String VLLM = """
            # HELP vllm:num_requests_running Number of requests in model execution batches.
            # TYPE vllm:num_requests_running gauge
            vllm:num_requests_running{model_name="meta-llama/Llama-3.1-8B-Instruct"} 3.0
            vllm:num_requests_waiting{model_name="meta-llama/Llama-3.1-8B-Instruct"} 2.0
            vllm:gpu_cache_usage_perc{model_name="m"} 0.25
            vllm:prefix_cache_queries_total{model_name="m"} 400.0
            vllm:prefix_cache_hits_total{model_name="m"} 100.0
            vllm:generation_tokens_total{model_name="m"} 1000
            vllm:request_success_total{finished_reason="stop",model_name="m"} 7
            vllm:request_success_total{finished_reason="length",model_name="m"} 3
            vllm:e2e_request_latency_seconds_bucket{le="+Inf",model_name="m"} 10
            weird line without value
            """;

    private static final String SERVICE = """
            # HELP process_uptime_seconds The uptime of the Java virtual machine
            # TYPE process_uptime_seconds gauge
            process_uptime_seconds 1234.5
            process_uptime_seconds_max 9
            langomni_gateway_sockets_open{instance="a"} 3.0
            langomni_gateway_sockets_open{instance="b",zone="x y"} 4.0
            broken_metric NaN
            """;

    @Test
    void sumsSamplesOverLabelSets() {
        Map<String, Double> sums = PrometheusText.parse(VLLM).sums();
        assertEquals(10.0, sums.get("vllm:request_success_total"));
        assertEquals(3.0, sums.get("vllm:num_requests_running"));
        assertEquals(10.0, sums.get("vllm:e2e_request_latency_seconds_bucket"));
        assertNull(sums.get("weird"));
    }

    @Test
    void readsUnlabelledSamplesAndTimestamps() {
        Map<String, Double> sums = PrometheusText.parse("up 1 1700000000000\nvllm:num_requests_waiting 4\n").sums();
        assertEquals(1.0, sums.get("up"));
        assertEquals(4.0, sums.get("vllm:num_requests_waiting"));
    }

    @Test
    void aPlainSampleIsRead() {
        assertEquals(Optional.of(1234.5), PrometheusText.parse(SERVICE).find("process_uptime_seconds"));
    }

    @Test
    void labelledSamplesAreSummed() {
        assertEquals(Optional.of(7.0), PrometheusText.parse(SERVICE).find("langomni_gateway_sockets_open"));
    }

    @Test
    void aMissingOrUnreadableMetricIsEmpty() {
        PrometheusText text = PrometheusText.parse(SERVICE);
        assertTrue(text.find("process_uptime").isEmpty());
        assertTrue(text.find("broken_metric").isEmpty());
        assertTrue(PrometheusText.parse(null).find("process_uptime_seconds").isEmpty());
        assertEquals(0.0, text.sum("process_uptime"));
    }

    @Test
    void aNanSampleIsExportedButCountsForNothing() {
        PrometheusText text = PrometheusText.parse(SERVICE);
        assertTrue(text.has("broken_metric"), "a gauge whose object is gone still exports its name");
        assertFalse(text.sums().containsKey("broken_metric"));
        assertFalse(text.has("weird"));
    }

    @Test
    void aSeriesIsANameWithItsLabelsAsWrittenOrTheirStart() {
        PrometheusText text = PrometheusText.parse(VLLM);
        assertEquals(7.0, text.sum("vllm:request_success_total{finished_reason=\"stop\",model_name=\"m\"}"));
        assertEquals(7.0, text.sum("vllm:request_success_total{finished_reason=\"stop\","), "the start of a list");
        assertEquals(10.0, text.sum("vllm:request_success_total{finished_reason="), "a label with any value");
        assertEquals(3.0, text.sum("vllm:request_success_total{finished_reason=\"len"), "the start of a value");
        assertEquals(10.0, text.sum("vllm:request_success_total"), "every label set");
        assertEquals(0.0, text.sum("vllm:request_success_total{model_name=\"m\",finished_reason=\"stop\"}"),
                "labels in another order than written");
        assertEquals(0.0, text.sum("vllm:request_success"), "a name is whole");
        assertTrue(text.find("vllm:request_success_total{finished_reason=\"abort\"").isEmpty());
    }

    @Test
    void labelsAreMatchedAsASubsetInAnyOrder() {
        PrometheusText text = PrometheusText.parse(VLLM);
        assertEquals(3.0, text.sum("vllm:request_success_total", Map.of("finished_reason", "length")));
        assertEquals(7.0, text.sum("vllm:request_success_total", Map.of("model_name", "m", "finished_reason", "stop")));
        assertEquals(10.0, text.sum("vllm:request_success_total", Map.of()));
        assertTrue(text.has("vllm:e2e_request_latency_seconds_bucket", Map.of("le", "+Inf")));
        assertFalse(text.has("vllm:e2e_request_latency_seconds_bucket", Map.of("le", "5.0")));
        assertTrue(text.find("vllm:request_success_total", Map.of("finished_reason", "abort")).isEmpty());
    }

    @Test
    void labelValuesAreUnescapedAndMayHoldSpacesBracesAndCommas() {
        PrometheusText text = PrometheusText.parse("""
                http_server_requests_seconds_count{method="GET",uri="/api/{id}, \\"x\\"\\\\y",zone="a b",} 2
                http_server_requests_seconds_count{method="POST",uri="/api/*"} 5 1700000000000
                """);
        assertEquals(List.of(Map.of("method", "GET", "uri", "/api/{id}, \"x\"\\y", "zone", "a b"),
                Map.of("method", "POST", "uri", "/api/*")), text.labelSets("http_server_requests_seconds_count"));
        assertEquals(7.0, text.sum("http_server_requests_seconds_count"));
        assertEquals(5.0, text.sum("http_server_requests_seconds_count", Map.of("uri", "/api/*")));
    }

    @Test
    void infinitiesAreNumbersAndBrokenLinesAreSkipped() {
        PrometheusText text = PrometheusText.parse("""
                a +Inf
                b -Inf
                c{x="unterminated} 1
                d{x="1"}2
                {x="1"} 3
                e 4
                """);
        assertEquals(Double.POSITIVE_INFINITY, text.sum("a"));
        assertEquals(Double.NEGATIVE_INFINITY, text.sum("b"));
        assertEquals(Set.of("a", "b", "e"), text.names());
    }

    @Test
    void scrapesJoinedReadAsTheirUnion() {
        PrometheusText text = PrometheusText.parse(SERVICE + "\n" + VLLM);
        assertTrue(text.has("process_uptime_seconds") && text.has("vllm:num_requests_running"));
        assertEquals(Set.of("process_uptime_seconds", "process_uptime_seconds_max", "langomni_gateway_sockets_open",
                "broken_metric"), PrometheusText.parse(SERVICE).names());
        assertEquals(0, PrometheusText.parse("").samples().size());
    }
}
