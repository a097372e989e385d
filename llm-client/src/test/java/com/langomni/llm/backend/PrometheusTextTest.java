package com.langomni.llm.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
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

    @Test
    void sumsSamplesOverLabelSets() {
        Map<String, Double> sums = PrometheusText.sums(VLLM);
        assertEquals(10.0, sums.get("vllm:request_success_total"));
        assertEquals(3.0, sums.get("vllm:num_requests_running"));
        assertEquals(10.0, sums.get("vllm:e2e_request_latency_seconds_bucket"));
        assertNull(sums.get("weird"));
    }

    @Test
    void readsUnlabelledSamplesAndTimestamps() {
        Map<String, Double> sums = PrometheusText.sums("up 1 1700000000000\nvllm:num_requests_waiting 4\n");
        assertEquals(1.0, sums.get("up"));
        assertEquals(4.0, sums.get("vllm:num_requests_waiting"));
    }

    @Test
    void sampleFallsBackToTheDeprecatedKvName() {
        VllmSample s = VllmSample.from(PrometheusText.sums(VLLM), 1000);
        assertEquals(0.25, s.kvCacheUsage());
        assertEquals(0.25, s.prefixCacheHitRate());
        assertEquals(2.0, s.waiting());
    }

    @Test
    void tokensPerSecondNeedsTwoReadingsAndARisingCounter() {
        VllmSample first = new VllmSample(0.0, 0.0, 0.0, null, null, 1000.0, 1_000);
        VllmSample second = new VllmSample(0.0, 0.0, 0.0, null, null, 1500.0, 3_000);
        assertEquals(250.0, second.tokensPerSecondSince(first));
        assertNull(first.tokensPerSecondSince(null));
        VllmSample restarted = new VllmSample(0.0, 0.0, 0.0, null, null, 10.0, 5_000);
        assertNull(restarted.tokensPerSecondSince(second));
        assertNull(first.prefixCacheHitRate());
    }
}
