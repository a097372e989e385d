package com.langomni.orchestrator.admin.metering;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.support.FakeLlmServices;
import com.langomni.orchestrator.support.LlmServicesProfile;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.orchestrator.support.TestWorld;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LLM metering and budgets end to end: what a player's narrations and NPC replies cost is metered to them, a player
 * over budget gets rules narration and the NPC's authored answer with no error, and the admin sees who is over and
 * can raise or reset the budget; the world budget cuts everyone off the same way.
 */
@QuarkusTest
@TestProfile(LlmServicesProfile.class)
class BudgetTests {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    FakeLlmServices fake;

    @Inject
    RedisDataSource redis;

    @Inject
    MeterRegistry registry;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    World world;

    @BeforeEach
    void healthyServices() {
        fake.reset();
        breakers.resetAll();
    }

    @Test
    void aPlayerOverBudgetGetsTheRulesTextWithoutAnErrorUntilAnAdminRaisesOrResetsIt() {
        TestPlayer player = TestPlayer.register();
        assertEquals("llm", player.ok("sing while the model is mine").path("source"));
        await().atMost(DEADLINE).until(() -> spend(player).getLong("tokensThisHour") > 0);

        admin().body(Map.of("perHour", 1)).put("/api/admin/players/" + player.id() + "/budget").then()
                .statusCode(200).body("budgetPerHour", equalTo(1)).body("custom", equalTo(true))
                .body("overBudget", equalTo(true));
        int calls = fake.worldRequests().size();
        double ruled = registry.counter("langomni.narration.ruled", "reason", "budget").count();

        Response over = player.act("sing over my budget");
        over.then().statusCode(200);
        assertEquals("rules", over.path("source"));
        assertEquals(calls, fake.worldRequests().size(), "world-llm was not asked");
        assertEquals(ruled + 1, registry.counter("langomni.narration.ruled", "reason", "budget").count());
        JsonPath metering = admin().get("/api/admin/metering").then().statusCode(200).extract().jsonPath();
        assertTrue(metering.getList("players.findAll { it.overBudget }.playerId").contains(player.id()),
                "the admin sees who is over: " + metering.prettify());

        admin().post("/api/admin/players/" + player.id() + "/budget/reset").then().statusCode(200)
                .body("tokensThisHour", equalTo(0)).body("overBudget", equalTo(false));
        assertEquals("llm", player.ok("sing after a reset").path("source"));

        admin().body(Map.of("perHour", 1_000_000, "perDay", 5_000_000))
                .put("/api/admin/players/" + player.id() + "/budget").then().statusCode(200)
                .body("overBudget", equalTo(false));
        assertEquals("llm", player.ok("sing with a raised budget").path("source"));
        admin().body("{\"perHour\":null,\"perDay\":null}").put("/api/admin/players/" + player.id() + "/budget").then()
                .statusCode(200).body("custom", equalTo(false));
    }

    @Test
    void anNpcAnswersFromItsAuthoredLinesForAPlayerOverBudgetAndItsRepliesAreMeteredToThePlayer() {
        TestPlayer player = TestPlayer.register();
        TestWorld map = new TestWorld(world);
        TestWorld.Route route = map.routeTo(l -> !l.npcs().isEmpty());
        route.directions().forEach(direction -> player.ok("go " + direction));
        String npc = world.npc(route.destination().npcs().get(0)).orElseThrow().name();
        // The NPC's ledger is the NPC's, across every test that talked to it: only this test's share is checked.
        long npcBefore = npcLedger(route.destination().npcs().get(0));

        assertEquals("llm", player.ok("talk to " + npc).path("source"));
        long npcTokens = FakeLlmServices.NPC_USAGE.promptTokens() + FakeLlmServices.NPC_USAGE.completionTokens();
        await().atMost(DEADLINE).until(() -> hourLedger(player).getOrDefault("npc:tokens", 0L) == npcTokens);
        assertTrue(npcLedger(route.destination().npcs().get(0)) - npcBefore >= npcTokens, "and to the NPC who spoke");

        // the conversation leaves memories on both sides: their importance ratings (and the NPC's reflections,
        // reported with its next write) are metered to their owners
        String npcId = route.destination().npcs().get(0);
        await().atMost(DEADLINE).untilAsserted(() -> {
            Map<String, Long> npcLedger = redis.hash(Long.class).hgetall(RedisKeys.meterNpc(npcId));
            assertTrue(npcLedger.getOrDefault("reflection:tokens", 0L) >= 220, npcLedger::toString);
            assertTrue(npcLedger.getOrDefault("importance:tokens", 0L) >= 32, npcLedger::toString);
            assertTrue(hourLedger(player).getOrDefault("importance:tokens", 0L) >= 32, () -> hourLedger(player).toString());
        });

        admin().body(Map.of("perHour", 1)).put("/api/admin/players/" + player.id() + "/budget").then().statusCode(200);
        int asked = fake.npcRequests().size();
        Response over = player.act("talk to " + npc);
        over.then().statusCode(200);
        assertEquals("rules", over.path("source"), "the NPC's authored answer");
        assertEquals(asked, fake.npcRequests().size(), "npc-llm was not asked");
    }

    @Test
    void theWorldBudgetCutsEveryoneOffTheModelUntilItIsLifted() {
        TestPlayer spender = TestPlayer.register();
        assertEquals("llm", spender.ok("sing to spend").path("source"));
        try {
            admin().body(Map.of("perHour", 1)).put("/api/admin/metering/world-budget").then().statusCode(200)
                    .body("budgetPerHour", equalTo(1)).body("overBudget", equalTo(true));
            Response other = TestPlayer.register().act("sing to nobody");
            other.then().statusCode(200);
            assertEquals("rules", other.path("source"));
        } finally {
            admin().body(Map.of("perHour", 0)).put("/api/admin/metering/world-budget").then().statusCode(200)
                    .body("budgetPerHour", equalTo(0)).body("overBudget", equalTo(false));
        }
        assertEquals("llm", TestPlayer.register().ok("sing once more").path("source"));
    }

    @Test
    void theAdminSeesCostAtTheConfiguredPrice() {
        TestPlayer player = TestPlayer.register();
        player.ok("sing for the accountants");
        await().atMost(DEADLINE).until(() -> spend(player).getLong("tokensThisHour") > 0);

        JsonPath spend = spend(player);
        double price = admin().get("/api/admin/metering").then().statusCode(200).extract().jsonPath()
                .getDouble("prices.world");
        assertTrue(price > 0, "a world price is configured");
        assertEquals(spend.getLong("tokensThisHour") / 1000.0 * price, spend.getDouble("costThisHour"), 1e-6);
        JsonPath metering = admin().get("/api/admin/metering").then().statusCode(200).extract().jsonPath();
        assertEquals("USD", metering.getString("currency"));
        assertTrue(metering.getLong("playersThisHour") >= 1);
        assertTrue(metering.getDouble("costPerPlayerHour") > 0);
        assertTrue(metering.getLong("roles.world.tokens") >= spend.getLong("tokensThisHour"));
        assertFalse(metering.getList("players.playerId").isEmpty());
    }

    @Test
    void badBudgetsAndUnknownPlayersAreClearErrors() {
        TestPlayer player = TestPlayer.register();
        admin().body(Map.of("perHour", -5)).put("/api/admin/players/" + player.id() + "/budget").then()
                .statusCode(400).body("code", equalTo("bad_request"));
        admin().body(Map.of("perHour", 5)).put("/api/admin/players/00000000-0000-0000-0000-000000000000/budget").then()
                .statusCode(404).body("code", equalTo("not_found"));
        admin().get("/api/admin/players/not-a-player/budget").then().statusCode(404);
        admin().body(Map.of("perHour", -1)).put("/api/admin/metering/world-budget").then().statusCode(400);
        given().header("Authorization", player.bearer()).get("/api/admin/metering").then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", TestAdmin.bearer()).contentType(ContentType.JSON);
    }

    private static JsonPath spend(TestPlayer player) {
        return admin().get("/api/admin/players/" + player.id() + "/budget").then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Long> hourLedger(TestPlayer player) {
        List<String> keys = redis.key().keys(RedisKeys.meterPlayerHour(player.id(), 0).replace(":h:0", ":h:*"));
        return keys.isEmpty() ? Map.of() : redis.hash(Long.class).hgetall(keys.get(0));
    }

    private long npcLedger(String npcId) {
        return redis.hash(Long.class).hgetall(RedisKeys.meterNpc(npcId)).getOrDefault("npc:tokens", 0L);
    }
}
