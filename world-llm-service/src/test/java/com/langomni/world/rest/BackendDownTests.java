package com.langomni.world.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.narration.FallbackReason;
import com.langomni.testkit.LlmSimulator;
import com.langomni.testkit.ServiceAuth;
import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A slow world model (100 ms per token, answers of ~200 tokens): the model stops generating when we stop
 * listening, and the service keeps narrating after the model dies. The kill runs last.
 */
@QuarkusTest
@WithTestResource(value = WorldSimulatorResource.class, initArgs = {
        @ResourceArg(name = "SIM_BASE_ITL_MS", value = "100"),
        @ResourceArg(name = "SIM_MEAN_OUTPUT_TOKENS", value = "200")})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackendDownTests {
    private static final String UP = "langomni_llm_backend_up{backend=\"world\",role=\"world\"}";
    private static final String FAILURES = "langomni_llm_backend_failures_total{backend=\"world\",role=\"world\"}";
    private static final String TIMEOUTS = "langomni_world_llm_requests_total{outcome=\"timeout\"}";
    private static final String TIMEOUT_AFTER_DELTAS =
            "langomni_world_narration_fallbacks_total{after_deltas=\"true\",reason=\"timeout\"}";
    private static final String ERROR_BEFORE_DELTAS =
            "langomni_world_narration_fallbacks_total{after_deltas=\"false\",reason=\"error\"}";

    @InjectSimulator
    LlmSimulator simulator;

    @BeforeEach
    void warmUp() {
        // RestAssured's first call loads Groovy (seconds on a busy machine): not inside a timed window
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @TestHTTPResource("/api/narrate/stream")
    URI stream;

    @Test
    @Order(1)
    void pastTheTotalTimeoutTheRulesAnswerAndTheModelStopsGenerating() throws Exception {
        double aborted = aborted();
        double fallbacks = ServiceMetrics.value(TIMEOUT_AFTER_DELTAS);
        double timeouts = ServiceMetrics.value(TIMEOUTS);
        Sse.Result r = Sse.post(stream, Narrations.take());
        assertFalse(r.deltas().isEmpty(), r.body());
        assertEquals("rules", r.last().source());
        assertEquals(FallbackReason.TIMEOUT, r.last().fallbackReason());
        assertTrue(r.millis() < 3000 + 1500, "%test total timeout is 3 s: " + r.millis());
        // meters outlive an app restart in one test JVM: compare with what they read before
        assertEquals(fallbacks + 1, ServiceMetrics.value(TIMEOUT_AFTER_DELTAS));
        assertEquals(timeouts + 1, ServiceMetrics.value(TIMEOUTS));
        Awaitility.await("the simulator aborts the sequence").atMost(Duration.ofSeconds(5))
                .until(() -> aborted() == aborted + 1 && simulator.metric("vllm:num_requests_running") == 0);
    }

    @Test
    @Order(2)
    void aCallerThatLeavesStopsTheModel() throws Exception {
        double aborted = aborted();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Content-Type", "application/json")
                .header(ServiceAuth.HEADER, ServiceAuth.token())
                .POST(HttpRequest.BodyPublishers.ofString(Narrations.take())).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertTrue(first.startsWith("data:"), first);
        } // closing the body drops the connection mid-stream
        Awaitility.await("the simulator aborts the sequence").atMost(Duration.ofSeconds(5))
                .until(() -> aborted() == aborted + 1 && simulator.metric("vllm:num_requests_running") == 0);
        Awaitility.await("the slot is free and the leaving is counted").atMost(Duration.ofSeconds(5))
                .until(() -> ServiceMetrics.value("langomni_world_llm_in_flight") == 0
                        && ServiceMetrics.value("langomni_world_llm_requests_total{outcome=\"cancelled\"}") == 1);
    }

    @Test
    @Order(3)
    void aKilledModelIsReportedDownWhileTheServiceStaysReadyAndNarrates() {
        Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> given().when().get("/api/backends")
                .then().body("[0].healthy", equalTo(true)).body("[0].scrapedAt", greaterThan(0L))
                .body("[0].kvCacheUsage", equalTo(0.0f)));
        assertEquals(1, ServiceMetrics.value(UP));
        simulator.kill();
        Awaitility.await("ejected").atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().when()
                .get("/api/backends").then().statusCode(200).body("[0].healthy", equalTo(false))
                .body("[0].lastError", org.hamcrest.Matchers.startsWith("unreachable")));
        assertEquals(0, ServiceMetrics.value(UP), "replica health follows the ejection");
        double failures = ServiceMetrics.value(FAILURES);
        double errors = ServiceMetrics.value(ERROR_BEFORE_DELTAS);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'narration' }.data.llm", equalTo("DOWN"));
        Sse.Result r = Sse.post(stream, Narrations.take());
        assertEquals("rules", r.last().source());
        assertEquals(FallbackReason.ERROR, r.last().fallbackReason());
        assertEquals(failures + 1, ServiceMetrics.value(FAILURES), "the refused connection is the backend's fault");
        assertEquals(errors + 1, ServiceMetrics.value(ERROR_BEFORE_DELTAS));
        given().contentType(ContentType.JSON).body(Narrations.take()).when().post("/api/narrate").then()
                .statusCode(200).body("source", equalTo("rules"));
    }

    /** Sequences the simulator aborted (the client went away): {@code finished_reason="abort"}. */
    private double aborted() {
        return simulator.metrics().sum("vllm:request_success_total", Map.of("finished_reason", "abort"));
    }
}
