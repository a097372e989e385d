package com.langomni.llm.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.langomni.support.metrics.PrometheusText;
import org.junit.jupiter.api.Test;

/** What a vLLM scrape says (the parsing itself: service-support's PrometheusTextTest). */
class VllmSampleTest {

    /** vLLM before 0.10 names its KV-cache gauge gpu_cache_usage_perc. */
    private static final String VLLM = """
            # TYPE vllm:num_requests_waiting gauge
            vllm:num_requests_waiting{model_name="meta-llama/Llama-3.1-8B-Instruct"} 2.0
            vllm:gpu_cache_usage_perc{model_name="m"} 0.25
            vllm:prefix_cache_queries_total{model_name="m"} 400.0
            vllm:prefix_cache_hits_total{model_name="m"} 100.0
            """;

    @Test
    void sampleFallsBackToTheDeprecatedKvName() {
        VllmSample s = VllmSample.from(PrometheusText.parse(VLLM).sums(), 1000);
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
