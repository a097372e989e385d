package com.langomni.simulator.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server with one slot and room for one waiting request refuses the third like an overloaded server. */
@QuarkusTest
@TestProfile(QueueLimitTests.OneSlotOneWaiting.class)
class QueueLimitTests {

    public static class OneSlotOneWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sim.max-num-seqs", "1", "sim.max-queue", "1", "sim.queue-full-status", "503");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void beyondMaxNumSeqsRequestsWaitAndBeyondMaxQueueTheyAreRefused() throws Exception {
        String longAnswer = CompletionRoutesTests.chat("Tell the whole saga.", 200, true, false);
        SseClient running = SseClient.open(base, "/v1/chat/completions", longAnswer);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Metrics.value(Metrics.scrape(), "vllm:num_requests_running", null) == 1);
        SseClient waiting = SseClient.open(base, "/v1/chat/completions", longAnswer);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Metrics.value(Metrics.scrape(), "vllm:num_requests_waiting", null) == 1);

        given().contentType(ContentType.JSON).body(CompletionRoutesTests.chat("Me too.", 4, false, false))
                .post("/v1/chat/completions")
                .then().statusCode(503)
                .body("type", equalTo("ServiceUnavailableError"))
                .body("object", equalTo("error"));

        running.close();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                Metrics.value(Metrics.scrape(), "vllm:num_requests_waiting", null) == 0
                        && Metrics.value(Metrics.scrape(), "vllm:num_requests_running", null) == 1);
        waiting.close();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Metrics.value(Metrics.scrape(), "vllm:num_requests_running", null) == 0);
    }
}
