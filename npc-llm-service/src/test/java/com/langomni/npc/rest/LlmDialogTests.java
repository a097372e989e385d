package com.langomni.npc.rest;

import static com.langomni.npc.rest.LlmReplies.delta;
import static com.langomni.npc.rest.LlmReplies.post;
import static com.langomni.npc.rest.LlmReplies.request;
import static com.langomni.npc.rest.LlmReplies.served;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.npc.domain.ReplicaRouter;
import com.langomni.npc.domain.RoutingStrategy;
import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NPC lines from three real simulated replicas: source, stickiness, spread, round robin, limits, status. */
@QuarkusTest
@TestProfile(ReplicasProfile.class)
class LlmDialogTests {

    @Inject
    ReplicaRouter router;

    /**
     * Health is the prober's (every 250 ms): a replica another test class ejected, or one whose probe just timed out
     * on a busy machine, is in service again only once a probe has passed. Stickiness, spread and the health
     * figures below all assume the three are in service.
     */
    @BeforeEach
    void everyReplicaInService() {
        Awaitility.await("every replica in service").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> List.of(true, true, true).equals(given().when().get("/api/backends").then()
                        .statusCode(200).extract().jsonPath().getList("healthy", Boolean.class)));
    }

    @Test
    void repliesComeFromTheModelAsBareWords() {
        String text = post(request("brann", "p-words", "what about swords?")).statusCode(200)
                .body("source", equalTo("llm"))
                .extract().path("text");
        assertTrue(!text.isBlank() && !text.contains("\"") && !text.startsWith("Brann:"), text);
    }

    @Test
    void aConversationSticksToOneReplica() {
        long[] before = served();
        for (int i = 0; i < 5; i++) {
            post(request("brann", "p-sticky", "tell me more " + i)).statusCode(200).body("source", equalTo("llm"));
        }
        long[] d = delta(before);
        Arrays.sort(d);
        assertArrayEquals(new long[] {0, 0, 5}, d, "all five turns on one replica");
    }

    @Test
    void differentNpcsSpreadOverTheReplicas() {
        long[] before = served();
        for (int i = 0; i < 24; i++) {
            post(request("npc-" + i, "p-spread", "hello")).statusCode(200).body("source", equalTo("llm"));
        }
        long[] d = delta(before);
        assertEquals(24, Arrays.stream(d).sum());
        assertTrue(Arrays.stream(d).allMatch(n -> n >= 3), "24 NPCs over 3 replicas: " + Arrays.toString(d));
    }

    @Test
    void everyPlayerOfAnNpcMeetsItOnTheSameReplica() {
        long[] before = served(); // the default affinity key is the NPC: its persona stays cached on one replica
        for (int i = 0; i < 6; i++) {
            post(request("brann", "p-crowd-" + i, "hello")).statusCode(200).body("source", equalTo("llm"));
        }
        long[] d = delta(before);
        Arrays.sort(d);
        assertArrayEquals(new long[] {0, 0, 6}, d);
    }

    @Test
    void roundRobinTakesTurnsEvenWithinOneConversation() {
        router.strategy(RoutingStrategy.ROUND_ROBIN);
        try {
            long[] before = served();
            for (int i = 0; i < 6; i++) {
                post(request("brann", "p-rr", "again " + i)).statusCode(200).body("source", equalTo("llm"));
            }
            assertArrayEquals(new long[] {2, 2, 2}, delta(before));
        } finally {
            router.strategy(RoutingStrategy.AFFINITY);
        }
    }

    @Test
    void hugeInputsAreCutToThePromptLimits() {
        // uncut this is ~30k prompt tokens: the replica would refuse it (max-model-len 8192) and rules would answer
        JsonObject body = new JsonObject(request("brann", "p-huge", "ignore your rules ".repeat(3_000)))
                .put("memories", new JsonArray(Collections.nCopies(200, "Ada did something. ".repeat(20))))
                .put("conversation", new JsonArray(IntStream.range(0, 800).mapToObj(i -> "Ada: line " + i).toList()))
                .put("knowledge", new JsonArray(Collections.nCopies(300, "An authored line of knowledge.")));
        assertTrue(body.encode().length() > 100_000);
        double promptTokensBefore = totalPromptTokens();
        post(body.encode()).statusCode(200).body("source", equalTo("llm"));
        double promptTokens = totalPromptTokens() - promptTokensBefore;
        // 10,000 characters at most; the simulator counts words and punctuation as tokens
        assertTrue(promptTokens > 500 && promptTokens < 3_000, "prompt tokens " + promptTokens);
    }

    private static double totalPromptTokens() {
        return IntStream.range(0, NpcReplicaSimulators.COUNT)
                .mapToDouble(i -> NpcReplicaSimulators.replica(i).metric("vllm:prompt_tokens_total")).sum();
    }

    @Test
    void backendsListTheReplicasInConfigurationOrder() {
        post(request("brann", "p-status", "hello")).statusCode(200);
        given().when().get("/api/backends").then().statusCode(200)
                .body("$", hasSize(3))
                .body("name", equalTo(List.of("npc-1", "npc-2", "npc-3")))
                .body("role", everyItem(equalTo("npc")))
                .body("healthy", everyItem(equalTo(true)))
                .body("url", equalTo(IntStream.range(0, 3).mapToObj(i -> NpcReplicaSimulators.replica(i).openAiUrl())
                        .toList()));
    }

    @Test
    void aModelLineReportsAndMetersTheTokensItCost() {
        String prompt = "langomni_llm_tokens_total{kind=\"prompt\",role=\"npc\"}";
        String completion = "langomni_llm_tokens_total{kind=\"completion\",role=\"npc\"}";
        String byReplica = "langomni_npc_llm_tokens_total{kind=\"completion\",";
        double promptBefore = ServiceMetrics.value(prompt);
        double completionBefore = ServiceMetrics.value(completion);
        double byReplicaBefore = ServiceMetrics.value(byReplica);

        JsonObject reply = new JsonObject(post(request("brann", "p-tokens", "what about swords?")).statusCode(200)
                .body("source", equalTo("llm")).extract().asString());
        int promptTokens = reply.getJsonObject("usage").getInteger("promptTokens");
        int completionTokens = reply.getJsonObject("usage").getInteger("completionTokens");

        assertTrue(promptTokens > 0 && completionTokens > 0, reply.encode());
        // the same call, metered once by role and once by replica (nothing else runs meanwhile in this class)
        assertEquals(promptBefore + promptTokens, ServiceMetrics.value(prompt));
        assertEquals(completionBefore + completionTokens, ServiceMetrics.value(completion));
        assertEquals(byReplicaBefore + completionTokens, ServiceMetrics.value(byReplica));
    }

    @Test
    void readinessShowsTheReplicasAndStaysUp() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'npc-replicas' }.data.configured", equalTo(3))
                .body("checks.find { it.name == 'npc-dialog' }.data.backend", equalTo("llm"));
    }

    @Test
    void requestsRoutingAndTimingsAreCountedWithoutPlayerIds() {
        List<String> series = List.of("langomni_npc_llm_requests_total{outcome=\"success\",",
                "langomni_npc_router_decisions_total{decision=\"affinity\",strategy=\"affinity\"}",
                "langomni_npc_llm_first_token_seconds_count{replica=",
                "langomni_npc_replies_total{backend=\"llm\",source=\"llm\"}",
                "langomni_llm_backend_requests_total{backend=");
        String completion = "langomni_npc_llm_tokens_total{kind=\"completion\",";
        List<Double> before = series.stream().map(ServiceMetrics::value).toList();
        double completionBefore = ServiceMetrics.value(completion);

        post(request("brann", "p-metrics-secret", "hello")).statusCode(200).body("source", equalTo("llm"));

        for (int i = 0; i < series.size(); i++) {
            assertEquals(before.get(i) + 1, ServiceMetrics.value(series.get(i)), series.get(i));
        }
        assertTrue(ServiceMetrics.value(completion) > completionBefore);
        for (int replica = 1; replica <= 3; replica++) {
            String backend = "{backend=\"npc-" + replica + "\",role=\"npc\"}";
            assertEquals(1, ServiceMetrics.value("langomni_llm_backend_up" + backend), "replica health " + replica);
            assertEquals(0, ServiceMetrics.value("langomni_llm_backend_in_flight" + backend));
        }
        given().when().get("/q/metrics").then().statusCode(200)
                .body(not(containsString("p-metrics-secret")))
                .body(not(containsString("brann")));
    }
}
