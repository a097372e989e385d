package com.langomni.world.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.narration.FallbackReason;
import com.langomni.api.narration.NarrationChunk;
import com.langomni.api.narration.NarrationRequest;
import com.langomni.testkit.LlmSimulator;
import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admission by value on a saturated backend (2 streams, 2 waiting, 1 of them normal; the limit held in the test
 * Redis): high-priority requests keep the model, normal ones get the rules at once, nobody waits past a deadline.
 * Deadlines are longer than the other tests' (3 s to the first word) so a loaded machine cannot flake them.
 */
@QuarkusTest
@TestProfile(AdmissionByValueTests.Saturation.class)
@WithTestResource(WorldSimulatorResource.class)
class AdmissionByValueTests {
    static final long FIRST_TOKEN_MS = 3000;
    static final long TOTAL_MS = 8000;

    public static class Saturation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("langomni.world.llm.first-token-timeout", FIRST_TOKEN_MS + "ms",
                    "langomni.world.llm.total-timeout", TOTAL_MS + "ms",
                    "langomni.world.llm.max-queued-normal", "1",
                    "langomni.world.llm.cluster-limit.key", "langomni:world-llm:admission-tests");
        }
    }

    @InjectSimulator
    LlmSimulator simulator;

    @Inject
    CircuitBreakerMaintenance circuits;

    @TestHTTPResource("/api/narrate/stream")
    URI stream;

    @BeforeEach
    void healthyBackend() {
        simulator.clearFaults();
        circuits.resetAll();
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void highPriorityKeepsTheModelWhileNormalGetsTheRulesAtOnceAndNobodyWaitsPastItsDeadline() throws Exception {
        double highBefore = ServiceMetrics.value("langomni_world_llm_admissions_total{priority=\"high\"}");
        double normalBusyBefore = degraded("normal", "busy");
        double highBusyBefore = degraded("high", "busy");

        // two streams that stall after a few words hold both slots (until their total timeout, or their player leaves)
        simulator.faults("{\"stallRate\":1.0,\"faultAfterTokens\":3}");
        try (Sse.Open blocker1 = Sse.open(stream, Narrations.take(0, NarrationRequest.NORMAL));
             Sse.Open blocker2 = Sse.open(stream, Narrations.take(0, NarrationRequest.NORMAL))) {
            awaitAdmission("running", 2);
            simulator.clearFaults();

            // a normal one may wait (the queue is empty), then a high one
            CompletableFuture<Ended> normal1 = ended(Narrations.take(0, NarrationRequest.NORMAL));
            awaitAdmission("queuedNormal", 1);
            CompletableFuture<Ended> high1 = ended(Narrations.take(0, NarrationRequest.HIGH));
            awaitAdmission("queuedHigh", 1);

            // now the normal share is taken and the queue is full: both get the rules at once
            Sse.Result normal2 = Sse.post(stream, Narrations.take(0, NarrationRequest.NORMAL));
            Sse.Result unmarked = Sse.post(stream, Narrations.take(0, null));
            assertRules(normal2, "busy");
            assertRules(unmarked, "busy"); // no priority is normal priority
            assertTrue(normal2.millis() < FIRST_TOKEN_MS / 2, "at once: " + normal2.millis() + " ms");
            assertTrue(unmarked.millis() < FIRST_TOKEN_MS / 2, "at once: " + unmarked.millis() + " ms");

            // one player leaves: the freed slot goes to the high one although the normal one came first; the
            // normal one gets it after the high one's answer (blocker2 still holds the other)
            blocker1.close();
            Ended high = high1.get(TOTAL_MS * 2, TimeUnit.MILLISECONDS);
            Ended normal = normal1.get(TOTAL_MS * 2, TimeUnit.MILLISECONDS);
            assertEquals("llm", high.result().last().source(), high.result().body());
            assertFalse(high.result().deltas().isEmpty());
            assertEquals("llm", normal.result().last().source(), normal.result().body());
            assertTrue(high.at() < normal.at(), "the high one was answered first");
            for (Sse.Result r : List.of(high.result(), normal.result(), normal2, unmarked)) {
                assertTrue(r.millis() < TOTAL_MS, "nobody waits past the deadlines: " + r.millis() + " ms");
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/api/backends")
                .then().statusCode(200)
                .body("[0].admission.running", equalTo(0))
                .body("[0].admission.queuedHigh", equalTo(0))
                .body("[0].admission.queuedNormal", equalTo(0))
                .body("[0].admission.maxConcurrent", equalTo(2))
                .body("[0].admission.maxQueued", equalTo(2))
                .body("[0].admission.maxQueuedNormal", equalTo(1))
                .body("[0].admission.clusterLimit", equalTo("redis")));
        assertEquals(highBefore + 1, ServiceMetrics.value("langomni_world_llm_admissions_total{priority=\"high\"}"));
        assertEquals(normalBusyBefore + 2, degraded("normal", "busy"));
        assertEquals(highBusyBefore, degraded("high", "busy"));
        given().when().get("/api/backends").then()
                .body("[0].admission.admittedHigh", equalTo((int) highBefore + 1))
                .body("[0].admission.degradedNormal.busy", equalTo((int) normalBusyBefore + 2));
        assertEquals(0, ServiceMetrics.value("langomni_world_llm_cluster_limit_fallbacks_total"),
                "Redis answered every admission");
    }

    @Test
    void aBurstOfHighPriorityRequestsIsAllNarratedByTheModel() {
        // 2 run, 2 wait, the rest busy: but short answers free the slots well within the first-token deadline
        List<Sse.Result> results = IntStream.range(0, 4)
                .mapToObj(i -> Sse.postAsync(stream, Narrations.take(8, NarrationRequest.HIGH))).toList()
                .stream().map(CompletableFuture::join).toList();
        for (Sse.Result r : results) {
            assertEquals("llm", r.last().source(), r.body());
            assertTrue(r.last().usage().completionTokens() <= 8, "sized by the request: " + r.last().usage());
        }
    }

    /** A whole narration and when it ended. */
    record Ended(Sse.Result result, long at) {
    }

    private CompletableFuture<Ended> ended(String body) {
        return Sse.postAsync(stream, body).thenApply(r -> new Ended(r, System.nanoTime()));
    }

    private static double degraded(String priority, String reason) {
        return ServiceMetrics.value("langomni_world_llm_degradations_total{priority=\"" + priority + "\",reason=\""
                + reason + "\"}");
    }

    private static void awaitAdmission(String field, int value) {
        Awaitility.await(field + " = " + value).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().when().get("/api/backends").then().extract().path("[0].admission." + field),
                        equalTo(value));
    }

    private static void assertRules(Sse.Result r, String reason) {
        assertEquals(200, r.status(), r.body());
        NarrationChunk last = r.last();
        assertTrue(last.done(), r.body());
        assertEquals("rules", last.source(), r.body());
        assertEquals(FallbackReason.of(reason), last.fallbackReason(), r.body());
        assertFalse(last.text().isBlank());
    }
}
