package com.langomni.orchestrator.admin.topology;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.support.TestAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/admin/topology} with the default test services: the gateway and world-llm point at a closed
 * port, npc-llm hangs and memory-service is not ready, so all of them are DOWN while the stores are UP.
 */
@QuarkusTest
class AdminTopologyTests {

    static JsonPath topology() {
        return given().header("Authorization", TestAdmin.bearer()).get("/api/admin/topology").then()
                .statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> node(JsonPath topology, String id) {
        return topology.<Map<String, Object>>getList("nodes").stream().filter(n -> id.equals(n.get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no node " + id + " in " + topology.prettify()));
    }

    @Test
    void servicesThatDoNotAnswerAreDownAndTheStoresUp() {
        JsonPath topology = topology();

        assertEquals("DEGRADED", topology.getString("status"));
        assertTrue(topology.getLong("at") > 0);
        for (String id : List.of("gateway", "world-llm", "npc-llm", "memory", "memory-store")) {
            Map<String, Object> node = node(topology, id);
            assertEquals("DOWN", node.get("status"), id);
        }
        Map<String, Object> world = node(topology, "world-llm");
        assertEquals("service", world.get("kind"));
        assertEquals("world-llm-service", world.get("name"));
        assertEquals("http://127.0.0.1:1", world.get("url"));
        assertNull(world.get("version"));
        assertNull(world.get("uptimeSeconds"));
        assertNotNull(world.get("detail"));
        assertTrue(((Number) world.get("latencyMs")).longValue() <= 1_500);

        for (String id : List.of("postgresql", "redis")) {
            Map<String, Object> store = node(topology, id);
            assertEquals("UP", store.get("status"), id);
            assertEquals("store", store.get("kind"));
        }
        Map<String, Object> self = node(topology, "orchestrator");
        assertEquals("UP", self.get("status"));
        assertNotNull(self.get("version"));
        assertTrue(((Number) self.get("uptimeSeconds")).doubleValue() > 0);
        assertTrue(((Map<?, ?>) self.get("metrics")).containsKey("actionsPerSecond"));

        List<Map<String, String>> edges = topology.getList("edges");
        for (List<String> edge : List.of(List.of("gateway", "orchestrator"), List.of("gateway", "redis"),
                List.of("orchestrator", "postgresql"), List.of("npc-llm", "memory"), List.of("memory", "memory-store"))) {
            assertTrue(edges.contains(Map.of("from", edge.get(0), "to", edge.get(1))), edge::toString);
        }
        assertTrue(topology.<Map<String, Object>>getList("nodes").stream().noneMatch(n -> "llm".equals(n.get("kind"))),
                "no LLM service answered, so no backend is known");
    }
}
