package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.support.metrics.PrometheusText;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservabilityTests {
    private static final String MODEL = CompletionRoutesTests.MODEL;

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void restoreFaults() {
        given().delete("/sim/faults").then().statusCode(200);
    }

    @Test
    void modelsListsTheServedModel() {
        given().get("/v1/models").then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data[0].id", equalTo(MODEL))
                .body("data[0].object", equalTo("model"))
                .body("data[0].owned_by", equalTo("vllm"))
                .body("data[0].max_model_len", equalTo(8192));
    }

    @Test
    void metricsMoveWithEveryRequest() {
        PrometheusText before = Metrics.scrape();
        int prompt = given().contentType(ContentType.JSON)
                .body(CompletionRoutesTests.chat("I light a candle.", 9, false, false))
                .post("/v1/chat/completions").then().statusCode(200).extract().path("usage.prompt_tokens");
        PrometheusText after = Metrics.scrape();

        assertEquals(prompt, delta(before, after, "vllm:prompt_tokens_total", null));
        assertEquals(9, delta(before, after, "vllm:generation_tokens_total", null));
        assertEquals(1, delta(before, after, "vllm:request_success_total", "finished_reason=\"length\""));
        assertEquals(1, delta(before, after, "vllm:time_to_first_token_seconds_count", null));
        assertEquals(8, delta(before, after, "vllm:inter_token_latency_seconds_count", null));
        assertEquals(8, delta(before, after, "vllm:time_per_output_token_seconds_count", null));
        assertEquals(1, delta(before, after, "vllm:e2e_request_latency_seconds_count", null));
        assertEquals(prompt, delta(before, after, "vllm:prefix_cache_queries_total", null));
        assertTrue(delta(before, after, "vllm:time_to_first_token_seconds_sum", null) > 0.065,
                "TTFT includes npc-8b's 65 ms fixed overhead");
        assertEquals(Metrics.value(after, "vllm:kv_cache_usage_perc", null),
                Metrics.value(after, "vllm:gpu_cache_usage_perc", null));
    }

    @Test
    void runningRequestsAndKvUsageShowWhileAStreamIsInFlight() throws Exception {
        SseClient client = SseClient.open(base, "/v1/chat/completions",
                CompletionRoutesTests.chat("Describe the whole market.", 1000, true, false));
        // one scrape shows both, so a stream that ends early under load cannot split them
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            PrometheusText now = Metrics.scrape();
            return Metrics.value(now, "vllm:num_requests_running", null) >= 1
                    && Metrics.value(now, "vllm:kv_cache_usage_perc", null) > 0;
        });
        client.close();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                Metrics.value(Metrics.scrape(), "vllm:num_requests_running", null) == 0);
        assertTrue(Metrics.value(Metrics.scrape(), "vllm:request_success_total", "finished_reason=\"abort\"") >= 1,
                "a client that leaves aborts its request");
    }

    @Test
    void exposesVllmsMetricFamilies() {
        String text = given().get("/metrics").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        for (String family : new String[] {"vllm:num_requests_running", "vllm:num_requests_waiting",
            "vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc", "vllm:prefix_cache_queries_total",
            "vllm:prefix_cache_hits_total", "vllm:prompt_tokens_total", "vllm:generation_tokens_total",
            "vllm:request_success_total", "vllm:time_to_first_token_seconds", "vllm:inter_token_latency_seconds",
            "vllm:time_per_output_token_seconds", "vllm:e2e_request_latency_seconds"}) {
            assertTrue(text.contains("# TYPE " + family + " "), family);
        }
        assertTrue(text.contains("vllm:time_to_first_token_seconds_bucket{le=\"0.001\",model_name=\"" + MODEL + "\"}"));
        assertTrue(text.contains("vllm:e2e_request_latency_seconds_bucket{le=\"+Inf\",model_name=\"" + MODEL + "\"}"));
    }

    @Test
    void healthIsUnavailableWhileTheModelLoads() {
        given().get("/health").then().statusCode(200);
        // long enough that no pause of a loaded machine ends it before the checks below
        given().contentType(ContentType.JSON).body("{\"loadingSeconds\":60}").post("/sim/faults")
                .then().statusCode(200).body("loading", equalTo(true));

        given().get("/health").then().statusCode(503).body("type", equalTo("ServiceUnavailableError"));
        given().get("/q/health/ready").then().statusCode(503);
        given().contentType(ContentType.JSON).body(CompletionRoutesTests.chat("Hello?", 2, false, false))
                .post("/v1/chat/completions").then().statusCode(503);

        // a shorter load replaces it and ends by itself
        given().contentType(ContentType.JSON).body("{\"loadingSeconds\":0.3}").post("/sim/faults")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/health").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String label) {
        return Metrics.value(after, name, label) - Metrics.value(before, name, label);
    }
}
