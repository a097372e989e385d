package com.langomni.npc.rest;

import static com.langomni.npc.rest.NpcReplyResourceTests.SWORD;
import static com.langomni.npc.rest.NpcReplyResourceTests.post;
import static com.langomni.npc.rest.NpcReplyResourceTests.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The semantic path: npc-llm-service asks memory-service (here {@link FakeMemoryService}) to rank the knowledge.
 * "blade" shares no word with the sword line, so only a semantic ranking can pick it; a shrug instead proves the
 * lexical fallback answered.
 */
@QuarkusTest
@TestProfile(FakeMemoryProfile.class)
class SemanticRankingTests {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeBreakers() {
        breakers.resetAll();
    }

    private static int rankCalls() {
        String memory = ConfigProvider.getConfig().getValue("quarkus.rest-client.memory.url", String.class);
        return Integer.parseInt(given().baseUri(memory).when().get("/calls").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void memoryServiceRanksWhatWordsCannot() {
        int before = rankCalls();
        post(request("blade", "ask brann about the blade", "")).statusCode(200)
                .body("text", equalTo(SWORD));
        assertEquals(before + 1, rankCalls());
    }

    @Test
    void aLateButInTimeAnswerIsStillUsed() {
        post(request("blade slowly", null, "")).statusCode(200)
                .time(greaterThan(700L), TimeUnit.MILLISECONDS)
                .body("text", containsString(SWORD));
    }

    @Test
    void aStalledMemoryServiceIsAbandonedAtTheTimeout() {
        post(request("blade", null, "")).statusCode(200); // warm the client so only the timeout is measured
        post(request("blade stalling", null, "")).statusCode(200)
                .time(lessThan(4000L), TimeUnit.MILLISECONDS) // 1.5 s timeout, well before the 5 s stall ends
                .body("text", not(containsString(SWORD)));
    }

    @Test
    void aFailingMemoryServiceFallsBackToWords() {
        post(request("sword explode", null, "")).statusCode(200).body("text", containsString(SWORD));
    }

    @Test
    void anOffContractAnswerFallsBackToWords() {
        post(request("sword garble", null, "")).statusCode(200).body("text", containsString(SWORD));
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndStopTheCalls() {
        for (int i = 0; i < 6; i++) {
            post(request("sword explode", null, "")).statusCode(200).body("text", containsString(SWORD));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("memory-rank"));
        int calls = rankCalls();
        post(request("blade", null, "")).statusCode(200).body("text", not(containsString(SWORD)));
        assertEquals(calls, rankCalls(), "an open breaker answers without calling memory-service");
        given().when().get("/q/metrics").then()
                .body(containsString("langomni_npc_ranking_fallbacks_total{reason=\"circuit_open\"}"));
    }

    @Test
    void readinessSeesMemoryService() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'memory-service' }.data.reachable", equalTo(true));
    }
}
