package com.langomni.orchestrator.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.api.memory.MemoryRecord;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.FakeMemoryService;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An NPC's memories through memory-service: counted, listed newest first, searched and deleted one by one. */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class AdminNpcMemoryTests {

    @Inject
    FakeMemoryService memory;

    @Inject
    World world;

    @Inject
    CircuitBreakerMaintenance breakers;

    private String npc;
    private String other;

    @BeforeEach
    void twoNpcs() {
        breakers.resetAll();
        Iterator<String> ids = world.npcs().keySet().iterator();
        npc = ids.next();
        other = ids.next();
    }

    @AfterEach
    void memoryServiceUp() {
        memory.reset();
        breakers.resetAll();
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", TestAdmin.bearer());
    }

    @Test
    void theNpcsMemoriesAreCountedListedAndSearched() {
        String tag = UUID.randomUUID().toString();
        MemoryRecord older = memory.seed("npc:" + npc, "older " + tag, 1_000);
        MemoryRecord newer = memory.seed("npc:" + npc, "newer " + tag, 2_000);
        memory.seed("npc:" + other, "not mine " + tag, 3_000);

        List<Map<String, Object>> npcs = admin().get("/api/admin/npcs").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> row = npcs.stream().filter(n -> npc.equals(n.get("id"))).findFirst().orElseThrow();
        assertTrue(((Number) row.get("memories")).longValue() >= 2, row::toString);

        admin().get("/api/admin/npcs/" + npc).then()
                .statusCode(200)
                .body("memoriesAvailable", equalTo(true))
                .body("memories.findAll { it.text.endsWith('" + tag + "') }.id", contains(newer.id(), older.id()))
                .body("memories[0].ownerId", equalTo("npc:" + npc));

        admin().queryParam("limit", 1).get("/api/admin/npcs/" + npc + "/memories").then()
                .statusCode(200).body("$", hasSize(1));
        admin().queryParam("q", "the sword").get("/api/admin/npcs/" + npc + "/memories").then()
                .statusCode(200)
                .body("[0].text", equalTo(FakeMemoryService.recalled("npc:" + npc, "the sword")));
    }

    @Test
    void aMemoryIsDeletedOnlyThroughItsOwnNpc() {
        MemoryRecord mine = memory.seed("npc:" + npc, "forget me", 1_000);
        MemoryRecord theirs = memory.seed("npc:" + other, "not yours to forget", 1_000);

        admin().delete("/api/admin/npcs/" + npc + "/memories/" + theirs.id()).then()
                .statusCode(404).body("code", equalTo("not_found"));
        assertTrue(memory.holds(theirs.id()));

        admin().delete("/api/admin/npcs/" + npc + "/memories/" + mine.id()).then().statusCode(204);
        assertFalse(memory.holds(mine.id()));
        admin().delete("/api/admin/npcs/" + npc + "/memories/" + mine.id()).then().statusCode(404);
    }

    @Test
    void memoryServiceDownLeavesTheListAndDetailAnsweringAndTheMemoryEndpointsUnavailable() {
        memory.mode(FakeMemoryService.Mode.DOWN);

        List<Map<String, Object>> npcs = admin().get("/api/admin/npcs").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertTrue(npcs.stream().allMatch(n -> n.containsKey("memories") && n.get("memories") == null));
        admin().get("/api/admin/npcs/" + npc).then().statusCode(200).body("memoriesAvailable", equalTo(false));
        admin().get("/api/admin/npcs/" + npc + "/memories").then().statusCode(503).body("code", equalTo("unavailable"));
        admin().delete("/api/admin/npcs/" + npc + "/memories/" + UUID.randomUUID()).then().statusCode(503);

        memory.mode(FakeMemoryService.Mode.UP);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                admin().get("/api/admin/npcs/" + npc).then().statusCode(200).body("memoriesAvailable", equalTo(true)));
    }
}
