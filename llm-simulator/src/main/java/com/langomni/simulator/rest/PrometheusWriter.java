package com.langomni.simulator.rest;

import com.langomni.simulator.domain.EngineSnapshot;
import com.langomni.simulator.domain.FinishReason;
import com.langomni.simulator.domain.Histogram;

/**
 * Prometheus text exposition (format 0.0.4) of vLLM's metric names, written by hand because the names
 * carry colons and a model_name label that a generic registry would not reproduce as vLLM does.
 */
final class PrometheusWriter {
    private final StringBuilder out = new StringBuilder(8192);
    private final String label;

    private PrometheusWriter(String modelName) {
        this.label = "model_name=\"" + modelName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String render(EngineSnapshot s, String modelName) {
        PrometheusWriter p = new PrometheusWriter(modelName);
        p.gauge("vllm:num_requests_running", "Number of requests in model execution batches.", s.running());
        p.gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", s.waiting());
        p.gauge("vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", s.kvCacheUsage());
        p.gauge("vllm:gpu_cache_usage_perc", "GPU KV-cache usage. 1 means 100 percent usage. "
                + "DEPRECATED: use vllm:kv_cache_usage_perc.", s.kvCacheUsage());
        p.counter("vllm:prefix_cache_queries_total", "Prefix cache queries, in terms of number of queried tokens.",
                s.prefixCacheQueries());
        p.counter("vllm:prefix_cache_hits_total", "Prefix cache hits, in terms of number of cached tokens.",
                s.prefixCacheHits());
        p.counter("vllm:prompt_tokens_total", "Number of prefill tokens processed.", s.promptTokens());
        p.counter("vllm:generation_tokens_total", "Number of generation tokens processed.", s.generationTokens());
        p.header("vllm:request_success_total", "Count of successfully processed requests.", "counter");
        for (FinishReason reason : FinishReason.values()) {
            p.sample("vllm:request_success_total", "finished_reason=\"" + reason.wire() + "\"",
                    s.finished().getOrDefault(reason, 0L));
        }
        p.histogram("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.",
                s.timeToFirstToken());
        p.histogram("vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.",
                s.interTokenLatency());
        p.histogram("vllm:time_per_output_token_seconds", "Histogram of time per output token in seconds. "
                + "DEPRECATED: use vllm:inter_token_latency_seconds.", s.interTokenLatency());
        p.histogram("vllm:e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.",
                s.e2eLatency());
        p.histogram("vllm:request_queue_time_seconds", "Histogram of time spent in WAITING phase for request.",
                s.queueTime());
        p.header("vllm:cache_config_info", "Information of the LLMEngine CacheConfig", "gauge");
        p.out.append("vllm:cache_config_info{block_size=\"").append(s.blockSize())
                .append("\",enable_prefix_caching=\"True\",num_gpu_blocks=\"").append(s.kvCacheBlocks())
                .append("\"} 1.0\n");
        return p.out.toString();
    }

    private void gauge(String name, String help, double value) {
        header(name, help, "gauge");
        sample(name, null, value);
    }

    private void counter(String name, String help, long value) {
        header(name, help, "counter");
        sample(name, null, value);
    }

    private void histogram(String name, String help, Histogram.Snapshot h) {
        header(name, help, "histogram");
        for (int i = 0; i < h.bounds().length; i++) {
            sample(name + "_bucket", "le=\"" + number(h.bounds()[i]) + "\"", h.cumulative()[i]);
        }
        sample(name + "_bucket", "le=\"+Inf\"", h.count());
        sample(name + "_count", null, h.count());
        sample(name + "_sum", null, h.sum());
    }

    private void header(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String extraLabel, double value) {
        out.append(name).append('{');
        if (extraLabel != null) {
            out.append(extraLabel).append(',');
        }
        out.append(label).append("} ").append(number(value)).append('\n');
    }

    /** Python's prometheus_client style: 1.0, 0.25, 2560.0. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v + ".0";
        }
        return Double.toString(v);
    }
}
