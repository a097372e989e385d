package com.langomni.orchestrator.admin.topology;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin figures with live LLM services (the fakes): time to first token of streamed narrations, the backends
 * in the stats, the history and the topology, and a live service's uptime (the gateway URL is the application).
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class AdminLiveLlmTests {

    @Inject
    FakeLlmServices fake;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void healthyServices() {
        fake.reset();
        breakers.resetAll();
    }

    @AfterEach
    void restore() {
        fake.reset();
    }

    private static JsonPath get(String path) {
        return given().header("Authorization", TestAdmin.bearer()).get(path).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void streamedNarrationsGiveTheTimeToFirstToken() {
        fake.stream(4, 20);
        TestPlayer player = TestPlayer.register();
        assertEquals("llm", player.ok("sing the first token is timed").path("source"));

        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/admin/stats").getLong("ttft.samples") >= 1);
        JsonPath stats = get("/api/admin/stats");
        double p50 = stats.getDouble("ttft.p50Ms");
        assertTrue(p50 > 0 && p50 <= stats.getDouble("ttft.p95Ms"), stats::prettify);
        List<Map<String, Object>> backends = stats.getList("backends");
        assertEquals(List.of("world", "npc-1"), backends.stream().map(b -> b.get("name")).toList());
        assertEquals(42.0f, backends.get(0).get("tokensPerSecond"));
        assertEquals(0.25f, backends.get(0).get("kvCacheUsage"));
        assertEquals(true, backends.get(0).get("healthy"));
    }

    @Test
    void theHistoryCarriesTheSampledBackends() {
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/admin/metrics/history?minutes=1")
                .<Map<String, Object>>getList("points").stream()
                .anyMatch(p -> ((Map<?, ?>) p.get("backends")).containsKey("world")));
        Map<String, Object> point = get("/api/admin/metrics/history?minutes=1").<Map<String, Object>>getList("points")
                .stream().filter(p -> ((Map<?, ?>) p.get("backends")).containsKey("world")).findFirst().orElseThrow();
        Map<?, ?> world = (Map<?, ?>) ((Map<?, ?>) point.get("backends")).get("world");
        assertEquals(42.0f, world.get("tokensPerSecond"));
        assertEquals(0.25f, world.get("kvCacheUsage"));
        assertEquals(0.0f, world.get("waiting"));
    }

    @Test
    void theTopologyShowsEachBackendBehindItsServiceAndALiveServicesUptime() {
        JsonPath topology = get("/api/admin/topology");

        Map<String, Object> world = AdminTopologyTests.node(topology, "llm:world");
        assertEquals("llm", world.get("kind"));
        assertEquals("UP", world.get("status"));
        assertEquals(42.0f, ((Map<?, ?>) world.get("metrics")).get("tokensPerSecond"));
        assertEquals("UP", AdminTopologyTests.node(topology, "llm:npc-1").get("status"));
        List<Map<String, String>> edges = topology.getList("edges");
        assertTrue(edges.contains(Map.of("from", "world-llm", "to", "llm:world")));
        assertTrue(edges.contains(Map.of("from", "npc-llm", "to", "llm:npc-1")));

        Map<String, Object> gateway = AdminTopologyTests.node(topology, "gateway");
        assertEquals("UP", gateway.get("status"), gateway::toString);
        assertTrue(((Number) gateway.get("uptimeSeconds")).doubleValue() > 0, gateway::toString);
        assertNotNull(gateway.get("version"), "from its /q/info");
        assertEquals("fake", AdminTopologyTests.node(topology, "memory-store").get("name"));
    }

    @Test
    void anUnhealthyBackendIsDownAndOneNoLongerReportedIsGone() {
        fake.npcHealthy(false);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "DOWN".equals(AdminTopologyTests.node(get("/api/admin/topology"), "llm:npc-1").get("status")));
        assertEquals("DEGRADED", get("/api/admin/topology").getString("status"));

        fake.npcDown(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/admin/topology").<Map<String, Object>>getList("nodes")
                .stream().noneMatch(n -> "llm:npc-1".equals(n.get("id"))));
    }
}
