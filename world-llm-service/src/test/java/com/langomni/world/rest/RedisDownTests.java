package com.langomni.world.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.narration.NarrationRequest;
import com.langomni.testkit.LlmSimulator;
import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Redis, which holds the backend-wide limit, is down: narration goes on under this replica's own limit. */
@QuarkusTest
@TestProfile(RedisDownTests.NoRedis.class)
@WithTestResource(WorldSimulatorResource.class)
class RedisDownTests {

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + closedPort());
        }

        private static int closedPort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @InjectSimulator
    LlmSimulator simulator;

    @TestHTTPResource("/api/narrate/stream")
    URI stream;

    @Test
    void theModelStillNarratesUnderTheLocalLimitAndTheFallbackIsCounted() throws Exception {
        simulator.clearFaults();
        double before = ServiceMetrics.value("langomni_world_llm_cluster_limit_fallbacks_total");
        Sse.Result r = Sse.post(stream, Narrations.take(0, NarrationRequest.HIGH));
        assertEquals("llm", r.last().source(), r.body());
        assertTrue(ServiceMetrics.value("langomni_world_llm_cluster_limit_fallbacks_total") >= before + 1);
        given().when().get("/api/backends").then().statusCode(200)
                .body("[0].admission.clusterLimit", equalTo("local"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        // the local limit (2) still holds: two stalled streams fill it, a third waits in the queue
        simulator.faults("{\"stallRate\":1.0,\"faultAfterTokens\":3}");
        try (Sse.Open a = Sse.open(stream, Narrations.take(0, NarrationRequest.NORMAL));
             Sse.Open b = Sse.open(stream, Narrations.take(0, NarrationRequest.NORMAL))) {
            awaitAdmission("running", 2);
            var third = Sse.postAsync(stream, Narrations.take(0, NarrationRequest.HIGH));
            awaitAdmission("queuedHigh", 1);
            assertEquals(2, (int) given().when().get("/api/backends").then().extract().path("[0].admission.running"));
            a.close();
            b.close();
            third.join(); // a slot freed: admitted (its answer stalls too, which does not matter here)
        } finally {
            simulator.clearFaults();
        }
        awaitAdmission("running", 0);
    }

    private static void awaitAdmission(String field, int value) {
        Awaitility.await(field + " = " + value).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().when().get("/api/backends").then().extract().path("[0].admission." + field),
                        equalTo(value));
    }
}
