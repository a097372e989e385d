package com.langomni.npc.rest;

import static com.langomni.npc.rest.LlmReplies.delta;
import static com.langomni.npc.rest.LlmReplies.served;
import static com.langomni.npc.rest.MemoryInsightResourceTests.REFLECT;
import static com.langomni.npc.rest.MemoryInsightResourceTests.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Importance and reflection against three real simulated replicas. The simulator writes pseudo-random words, never
 * a number or a "(because of ...)" list, so every answer here is asked of a replica and found unparseable: the
 * path that must end in {@code source: rules}. The successful parses are unit-tested (ImportanceParserTest,
 * ReflectionParserTest).
 */
@QuarkusTest
@TestProfile(ReplicasProfile.class)
class MemoryInsightLlmTests {
    private static final String IMPORTANCE_PROMPT = "langomni_llm_tokens_total{kind=\"prompt\",role=\"importance\"}";
    private static final String IMPORTANCE_COMPLETION =
            "langomni_llm_tokens_total{kind=\"completion\",role=\"importance\"}";

    @AfterEach
    void heal() {
        IntStream.range(0, NpcReplicaSimulators.COUNT).forEach(i -> NpcReplicaSimulators.replica(i).clearFaults());
        Awaitility.await("every replica readmitted").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> List.of(true, true, true).equals(given().when().get("/api/backends").then()
                        .statusCode(200).extract().jsonPath().getList("healthy", Boolean.class)));
    }

    @Test
    void anUnparseableRatingFromTheModelLeavesImportanceToTheCaller() {
        long[] before = served();
        double prompt = ServiceMetrics.value(IMPORTANCE_PROMPT);
        double completion = ServiceMetrics.value(IMPORTANCE_COMPLETION);
        post("importance", "{\"text\":\"Ada attacked me with a spear.\"}").statusCode(200)
                .body("importance", equalTo(0))
                .body("source", equalTo("rules"))
                // the replica was asked and answered: those tokens were spent, rating or not
                .body("usage.promptTokens", greaterThan(0))
                .body("usage.completionTokens", greaterThan(0));
        assertEquals(1, Arrays.stream(delta(before)).sum(), "one replica was asked");
        assertTrue(ServiceMetrics.value(IMPORTANCE_PROMPT) > prompt);
        assertTrue(ServiceMetrics.value(IMPORTANCE_COMPLETION) > completion);
        given().when().get("/q/metrics").then().body(containsString(
                "langomni_npc_insight_requests_total{kind=\"importance\",reason=\"unparseable\",source=\"rules\"}"));
    }

    @Test
    void anUnparseableReflectionWritesNothing() {
        long[] before = served();
        String prompt = "langomni_llm_tokens_total{kind=\"prompt\",role=\"reflection\"}";
        String completion = "langomni_llm_tokens_total{kind=\"completion\",role=\"reflection\"}";
        double promptBefore = ServiceMetrics.value(prompt);
        double completionBefore = ServiceMetrics.value(completion);
        double importanceBefore = ServiceMetrics.value(IMPORTANCE_PROMPT);
        JsonObject answer = new JsonObject(post("reflect", REFLECT).statusCode(200)
                .body("reflections", empty())
                .body("source", equalTo("rules"))
                .extract().asString());
        assertEquals(1, Arrays.stream(delta(before)).sum(), "one replica was asked, no rating followed");
        int promptTokens = answer.getJsonObject("usage").getInteger("promptTokens");
        int completionTokens = answer.getJsonObject("usage").getInteger("completionTokens");
        assertTrue(promptTokens > 0 && completionTokens > 0, answer.encode());
        assertEquals(promptBefore + promptTokens, ServiceMetrics.value(prompt));
        assertEquals(completionBefore + completionTokens, ServiceMetrics.value(completion));
        assertEquals(importanceBefore, ServiceMetrics.value(IMPORTANCE_PROMPT), "no rating, no importance tokens");
        given().when().get("/q/metrics").then().body(containsString(
                "langomni_npc_insight_requests_total{kind=\"reflect\",reason=\"unparseable\",source=\"rules\"}"));
    }

    @Test
    void oneOwnersReflectionsGoToOneReplica() {
        long[] before = served();
        for (int i = 0; i < 3; i++) {
            post("reflect", REFLECT).statusCode(200);
        }
        long[] d = delta(before);
        Arrays.sort(d);
        assertEquals(List.of(0L, 0L, 3L), Arrays.stream(d).boxed().toList());
    }

    @Test
    void hungReplicasCostImportanceNoMoreThanItsBudget() {
        IntStream.range(0, NpcReplicaSimulators.COUNT)
                .forEach(i -> NpcReplicaSimulators.replica(i).faults("{\"hangRate\":1.0}"));
        post("importance", "{\"text\":\"Ada gave me a ring.\"}").statusCode(200)
                .time(lessThan(2300L), TimeUnit.MILLISECONDS) // 1.5 s budget, plus a loaded machine
                .body("importance", equalTo(0))
                .body("source", equalTo("rules"));
        given().when().get("/q/metrics").then().body(containsString(
                "langomni_npc_insight_requests_total{kind=\"importance\",reason=\"timeout\",source=\"rules\"}"));
    }

    @Test
    void failingReplicasLeaveNoReflection() {
        IntStream.range(0, NpcReplicaSimulators.COUNT)
                .forEach(i -> NpcReplicaSimulators.replica(i).faults("{\"errorRate\":1.0}"));
        post("reflect", REFLECT).statusCode(200)
                .body("reflections", empty())
                .body("source", equalTo("rules"));
        given().when().get("/q/metrics").then().body(containsString(
                "langomni_npc_insight_requests_total{kind=\"reflect\",reason=\"all_failed\",source=\"rules\"}"));
    }
}
