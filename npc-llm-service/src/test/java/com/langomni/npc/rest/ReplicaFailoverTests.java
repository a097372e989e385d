package com.langomni.npc.rest;

import static com.langomni.npc.rest.LlmReplies.post;
import static com.langomni.npc.rest.LlmReplies.request;
import static com.langomni.npc.rest.LlmReplies.served;
import static com.langomni.npc.rest.LlmReplies.servedBy;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.testkit.LlmSimulator;
import com.langomni.testkit.ServiceMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas that die, hang, break streams or fail outright: the player still hears the NPC, from another replica
 * when one is left, else from the retrieval dialog within the reply budget (3 s, under the orchestrator's 4 s).
 */
@QuarkusTest
@TestProfile(ReplicasProfile.class)
class ReplicaFailoverTests {
    private static final String ALL_FAILED = "langomni_npc_llm_fallbacks_total{reason=\"all_failed\"}";

    @BeforeEach
    void allReplicasHealthy() {
        IntStream.range(0, NpcReplicaSimulators.COUNT).forEach(i -> {
            if (!NpcReplicaSimulators.replica(i).alive()) {
                NpcReplicaSimulators.restart(i);
            }
            NpcReplicaSimulators.replica(i).clearFaults();
        });
        awaitHealthy(List.of(true, true, true));
        // every replica's client connected and its model learnt, so timings below measure failover alone
        IntStream.range(0, 6).forEach(i -> post(request("brann", "p-warm-" + i, "hello")).statusCode(200));
    }

    @AfterEach
    void healAfterwards() {
        allReplicasHealthy();
    }

    private static void awaitHealthy(List<Boolean> expected) {
        Awaitility.await("replica health " + expected).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> expected.equals(given().when().get("/api/backends").then().statusCode(200)
                        .extract().jsonPath().getList("healthy", Boolean.class)));
    }

    /** The replica this conversation prefers, learnt by asking once. */
    private static int preferredReplica(String player) {
        long[] before = served();
        post(request("brann", player, "hello")).statusCode(200).body("source", equalTo("llm"));
        return servedBy(before);
    }

    @Test
    void aKilledReplicaIsRetriedElsewhereEjectedAndReadmittedWhenItReturns() {
        int home = preferredReplica("p-kill");
        String health = "langomni_llm_backend_up{backend=\"npc-" + (home + 1) + "\",role=\"npc\"}";
        String errors = "langomni_npc_llm_requests_total{outcome=\"error\",replica=\"npc-" + (home + 1) + "\"}";
        String retries = "langomni_npc_llm_retries_total{after=\"error\"}";
        double errorsBefore = ServiceMetrics.value(errors);
        double retriesBefore = ServiceMetrics.value(retries);
        assertEquals(1, ServiceMetrics.value(health));
        long[] before = served(); // read before the kill: the request must follow it closely, before probes eject
        NpcReplicaSimulators.replica(home).kill();
        before[home] = 0; // a dead replica has served nothing

        post(request("brann", "p-kill", "still there?")).statusCode(200)
                .time(lessThan(3000L), TimeUnit.MILLISECONDS)
                .body("source", equalTo("llm"));
        int standIn = servedBy(before);
        assertNotEquals(home, standIn);

        List<Boolean> ejected = IntStream.range(0, 3).mapToObj(i -> i != home).toList();
        awaitHealthy(ejected);
        // a refused request and a failed probe both say "unreachable" (whichever ejected it); a request that met a
        // connection the dying replica had just dropped says so instead, until the next probe reports it unreachable
        Awaitility.await("replica " + home + " reported unreachable").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().when().get("/api/backends").then()
                        .body("[" + home + "].healthy", equalTo(false))
                        .body("[" + home + "].lastError", startsWith("unreachable")));
        before = served();
        post(request("brann", "p-kill", "and now?")).statusCode(200).body("source", equalTo("llm"));
        assertEquals(standIn, servedBy(before), "while ejected, the conversation stays on its stand-in");
        assertEquals(0, ServiceMetrics.value(health), "replica health: ejected");

        NpcReplicaSimulators.restart(home);
        awaitHealthy(List.of(true, true, true));
        before = served();
        post(request("brann", "p-kill", "welcome back")).statusCode(200).body("source", equalTo("llm"));
        assertEquals(home, servedBy(before), "readmitted, the conversation goes home");
        assertEquals(1, ServiceMetrics.value(health), "replica health: readmitted");
        assertTrue(ServiceMetrics.value(errors) > errorsBefore);
        assertTrue(ServiceMetrics.value(retries) > retriesBefore);
    }

    @Test
    void aHungReplicaIsLeftForAnotherAfterTheTokenTimeout() {
        int home = preferredReplica("p-hang");
        double retries = ServiceMetrics.value("langomni_npc_llm_retries_total{after=\"timeout\"}");
        NpcReplicaSimulators.replica(home).faults("{\"hangRate\":1.0}");
        long[] before = served();
        post(request("brann", "p-hang", "hello?")).statusCode(200)
                .time(lessThan(3000L), TimeUnit.MILLISECONDS) // 1.2 s token timeout, then another replica
                .body("source", equalTo("llm"));
        assertNotEquals(home, servedBy(before));
        assertEquals(retries + 1, ServiceMetrics.value("langomni_npc_llm_retries_total{after=\"timeout\"}"));
    }

    @Test
    void aStreamBrokenMidAnswerIsRetriedElsewhere() {
        int home = preferredReplica("p-crash");
        long failures = failures(home);
        String metered = "langomni_llm_backend_failures_total{backend=\"npc-" + (home + 1) + "\",role=\"npc\"}";
        // a cut stream ends as error (the transport failed) or broken (it closed early), depending on timing
        List<String> cut = List.of("broken", "error").stream()
                .map(outcome -> "langomni_npc_llm_requests_total{outcome=\"" + outcome + "\",replica=\"npc-"
                        + (home + 1) + "\"}")
                .toList();
        double meteredBefore = ServiceMetrics.value(metered);
        double cutBefore = cut.stream().mapToDouble(ServiceMetrics::value).sum();
        NpcReplicaSimulators.replica(home).faults("{\"crashRate\":1.0,\"faultAfterTokens\":3}");
        // the fast profile finishes the whole answer before the connection drops, so the simulator counts it as
        // served: the failure shows on our side instead
        post(request("brann", "p-crash", "go on")).statusCode(200).body("source", equalTo("llm"));
        assertEquals(failures + 1, failures(home), "the cut stream counts against its replica");
        assertEquals(meteredBefore + 1, ServiceMetrics.value(metered));
        assertEquals(cutBefore + 1, cut.stream().mapToDouble(ServiceMetrics::value).sum());
    }

    private static long failures(int replica) {
        return given().when().get("/api/backends").then().extract().jsonPath().getLong("[" + replica + "].failures");
    }

    @Test
    void whenEveryReplicaFailsTheRetrievalDialogAnswers() {
        double fallbacks = ServiceMetrics.value(ALL_FAILED);
        IntStream.range(0, 3).forEach(i -> NpcReplicaSimulators.replica(i).faults("{\"errorRate\":1.0}"));
        post(request("brann", "p-errors", "about the sword")).statusCode(200)
                .body("source", equalTo("rules"))
                .body("text", equalTo(NpcReplyResourceTests.SWORD));
        assertEquals(fallbacks + 1, ServiceMetrics.value(ALL_FAILED));
    }

    @Test
    void whenEveryReplicaHangsTheRetrievalDialogAnswersWithinTheBudget() {
        String timeouts = "langomni_npc_llm_fallbacks_total{reason=\"timeout\"}";
        double fallbacks = ServiceMetrics.value(timeouts);
        IntStream.range(0, 3).forEach(i -> NpcReplicaSimulators.replica(i).faults("{\"hangRate\":1.0}"));
        post(request("brann", "p-hangs", "about the sword")).statusCode(200)
                .time(lessThan(3800L), TimeUnit.MILLISECONDS) // 3 s reply budget, below the orchestrator's 4 s
                .body("source", equalTo("rules"))
                .body("text", equalTo(NpcReplyResourceTests.SWORD));
        assertEquals(fallbacks + 1, ServiceMetrics.value(timeouts));
    }

    @Test
    void withEveryReplicaEjectedTheRetrievalDialogAnswersAtOnce() {
        IntStream.range(0, 3).forEach(i -> NpcReplicaSimulators.replica(i).faults("{\"loadingSeconds\":30}"));
        awaitHealthy(List.of(false, false, false)); // /health answers 503 while "loading"
        String noReplica = "langomni_npc_llm_fallbacks_total{reason=\"no_replica\"}";
        double fallbacks = ServiceMetrics.value(noReplica);
        post(request("brann", "p-none", "about the sword")).statusCode(200)
                .body("source", equalTo("rules"));
        assertEquals(fallbacks + 1, ServiceMetrics.value(noReplica));
        assertEquals(0, ServiceMetrics.value("langomni_llm_backend_up{"), "no replica is in service");
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
