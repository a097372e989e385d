package com.langomni.orchestrator.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.game.rules.model.Npc;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin's NPCs with the default test services, where memory-service cannot serve reads: the list and the
 * detail still answer (memories unknown), the memory endpoints are 503.
 */
@QuarkusTest
class AdminNpcsTests {

    @Inject
    World world;

    private static RequestSpecification admin() {
        return given().header("Authorization", TestAdmin.bearer());
    }

    @Test
    void theListHasEveryNpcByNameWithItsLiveConversationsAndUnknownMemories() {
        TestWorld.Route route = new TestWorld(world).routeTo(l -> !l.npcs().isEmpty());
        Npc npc = world.npcs().get(route.destination().npcs().get(0));
        TestPlayer player = TestPlayer.register();
        route.directions().forEach(direction -> player.ok("go " + direction));
        player.ok("ask " + npc.aliases().stream().findFirst().orElse(npc.name()) + " about the road");

        List<Map<String, Object>> npcs = admin().get("/api/admin/npcs").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(world.npcs().values().stream().map(Npc::name).sorted(String.CASE_INSENSITIVE_ORDER).toList(),
                npcs.stream().map(n -> (String) n.get("name")).toList());
        Map<String, Object> row = npcs.stream().filter(n -> npc.id().equals(n.get("id"))).findFirst().orElseThrow();
        assertEquals(npc.title(), row.get("title"));
        assertEquals(npc.locationId(), row.get("locationId"));
        assertEquals(world.locations().get(npc.locationId()).name(), row.get("locationName"));
        assertTrue(((Number) row.get("conversations")).longValue() >= 1, row::toString);
        assertTrue(row.containsKey("memories"));
        assertNull(row.get("memories"), "memory-service cannot count here");
    }

    @Test
    void theDetailHasPersonaAndKnowledgeAndSaysMemoriesAreUnavailable() {
        Npc npc = world.npcs().values().stream().min(Comparator.comparing(Npc::id)).orElseThrow();
        admin().get("/api/admin/npcs/" + npc.id()).then()
                .statusCode(200)
                .body("id", equalTo(npc.id()))
                .body("name", equalTo(npc.name()))
                .body("persona", equalTo(npc.persona()))
                .body("knowledge", equalTo(npc.knowledge()))
                .body("knowledge", not(empty()))
                .body("memories", empty())
                .body("memoriesAvailable", equalTo(false))
                .body("memoryCount", nullValue());
    }

    @Test
    void anUnknownNpcIs404() {
        admin().get("/api/admin/npcs/nobody").then().statusCode(404).body("code", equalTo("not_found"));
        admin().get("/api/admin/npcs/nobody/memories").then().statusCode(404);
        admin().delete("/api/admin/npcs/nobody/memories/m1").then().statusCode(404);
    }

    @Test
    void memoryEndpointsAreUnavailableWhenMemoryServiceIsDown() {
        String npc = world.npcs().keySet().iterator().next();
        admin().get("/api/admin/npcs/" + npc + "/memories").then()
                .statusCode(503).body("code", equalTo("unavailable"));
        admin().queryParam("q", "the sword").get("/api/admin/npcs/" + npc + "/memories").then()
                .statusCode(503).body("code", equalTo("unavailable"));
        admin().delete("/api/admin/npcs/" + npc + "/memories/m1").then()
                .statusCode(503).body("code", equalTo("unavailable"));
    }

    @Test
    void aLimitOutsideOneToFiftyIsABadRequest() {
        String npc = world.npcs().keySet().iterator().next();
        for (String limit : List.of("0", "51", "many")) {
            admin().queryParam("limit", limit).get("/api/admin/npcs/" + npc + "/memories").then()
                    .statusCode(400).body("code", equalTo("bad_request"));
        }
    }
}
