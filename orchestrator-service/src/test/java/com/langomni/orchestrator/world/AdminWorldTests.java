package com.langomni.orchestrator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.outcome.Facts;
import com.langomni.api.outcome.Refusal;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.game.rules.model.CreatureState;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import com.langomni.words.OutcomeText;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The living world's admin endpoints end to end: only admins reach them; a pause refuses the actions that change the
 * world (looking and chat go on), is stored so a fresh replica (or a restart) finds it, and is audited; a world event
 * is told to everyone online, closes the exit it blocks and shows in what players see; creatures come back and
 * their room is told.
 */
@QuarkusTest
class AdminWorldTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PAUSED = OutcomeText.of(Facts.Refused.because(Refusal.WORLD_PAUSED));

    @Inject
    Pool pool;

    @Inject
    WorldConfig config;

    @Inject
    World world;

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RespawnWatcher respawns;

    private String admin;

    @BeforeEach
    void login() {
        admin = TestAdmin.bearer();
    }

    @AfterEach
    void runAgain() {
        asAdmin().body(Map.of("paused", false)).put("/api/admin/world/pause").then().statusCode(200);
        asAdmin().delete("/api/admin/world/events/current");
    }

    private io.restassured.specification.RequestSpecification asAdmin() {
        return given().header("Authorization", admin).contentType(ContentType.JSON);
    }

    @Test
    void playersAndStrangersCannotReachIt() {
        TestPlayer player = TestPlayer.register();
        for (String[] call : List.of(new String[]{"GET", "/api/admin/world"},
                new String[]{"PUT", "/api/admin/world/pause"}, new String[]{"POST", "/api/admin/world/events"},
                new String[]{"DELETE", "/api/admin/world/events/current"})) {
            given().header("Authorization", player.bearer()).contentType(ContentType.JSON)
                    .body("{\"paused\":true,\"kind\":\"storm\"}").request(call[0], call[1]).then().statusCode(403);
            given().contentType(ContentType.JSON).body("{\"paused\":true}").request(call[0], call[1]).then()
                    .statusCode(401);
        }
        asAdmin().get("/api/admin/world").then().statusCode(200).body("paused", equalTo(false));
    }

    @Test
    void theAdminSeesTheClockAndTheKindsOfEvent() {
        asAdmin().get("/api/admin/world").then().statusCode(200)
                .body("day", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("time", org.hamcrest.Matchers.matchesPattern("\\d\\d:\\d\\d"))
                .body("kinds.id", hasItems("storm", "fog"))
                .body("kinds.find { it.id == 'storm' }.blocks", equalTo(List.of("north-gate/gate")))
                .body("event", nullValue());
    }

    @Test
    void aPausedWorldRefusesActionsButNotLookingOrChat() {
        TestPlayer player = TestPlayer.register();
        String north = "go " + world.locations().get(world.startLocationId()).exits().get(0).direction();

        asAdmin().body(Map.of("paused", true, "reason", "maintenance")).put("/api/admin/world/pause").then()
                .statusCode(200).body("paused", equalTo(true)).body("pausedBy", equalTo(TestAdmin.NAME));

        assertEquals(PAUSED, player.ok(north).path("text"));
        assertEquals(world.startLocationId(), new Database(dataSource).player(player.id()).get("location_id"));
        String look = player.ok("look").path("text");
        assertTrue(look.contains("The world is paused."), look);
        assertTrue(player.ok("say is anyone there").path("text").toString().contains("is anyone there"));

        asAdmin().body(Map.of("paused", false)).put("/api/admin/world/pause").then().statusCode(200)
                .body("paused", equalTo(false))
                .body("audit[0].action", equalTo("resume"))
                .body("audit[1].action", equalTo("pause"))
                .body("audit[1].detail", equalTo("maintenance"))
                .body("audit[1].by", equalTo(TestAdmin.NAME));
        assertFalse(player.ok(north).path("text").toString().equals(PAUSED));
    }

    @Test
    void thePauseIsStoredSoAFreshReplicaOrARestartFindsIt() {
        asAdmin().body(Map.of("paused", true)).put("/api/admin/world/pause").then().statusCode(200);

        WorldStatusStore fresh = new WorldStatusStore(pool, config);
        assertTrue(fresh.current().await().atMost(WAIT).paused(), "read from PostgreSQL, not from this replica");

        asAdmin().body(Map.of("paused", false)).put("/api/admin/world/pause").then().statusCode(200);
        WorldStatusStore another = new WorldStatusStore(pool, config);
        assertFalse(another.current().await().atMost(WAIT).paused());
    }

    @Test
    void badRequestsAreRefused() {
        asAdmin().body("{}").put("/api/admin/world/pause").then().statusCode(400);
        asAdmin().body(Map.of("paused", true, "reason", "x".repeat(201))).put("/api/admin/world/pause").then()
                .statusCode(400);
        asAdmin().body(Map.of("kind", "plague")).post("/api/admin/world/events").then().statusCode(400);
        asAdmin().body("{}").post("/api/admin/world/events").then().statusCode(400);
        asAdmin().body(Map.of("kind", "storm", "durationSeconds", 0)).post("/api/admin/world/events").then()
                .statusCode(400);
        asAdmin().body(Map.of("kind", "storm", "durationSeconds", 86_401)).post("/api/admin/world/events").then()
                .statusCode(400);
        asAdmin().delete("/api/admin/world/events/current").then().statusCode(404);
    }

    @Test
    void aStormIsToldToEveryoneClosesTheGateAndShowsUntilItEnds() {
        TestPlayer atGate = TestPlayer.register();
        TestPlayer inTown = TestPlayer.register();
        asAdmin().body(Map.of("locationId", "north-gate")).post("/api/admin/players/" + atGate.id() + "/move").then()
                .statusCode(200);
        atGate.connect();
        inTown.connect();
        try {
            asAdmin().body(Map.of("kind", "storm", "durationSeconds", 120)).post("/api/admin/world/events").then()
                    .statusCode(200)
                    .body("event.kind", equalTo("storm"))
                    .body("audit[0].action", equalTo("event"))
                    .body("audit[0].detail", equalTo("storm"));
            String announcement = world.event("storm").orElseThrow().announcement();
            for (TestPlayer player : List.of(atGate, inTown)) {
                await().atMost(WAIT).until(() -> outbox(player.id()).stream()
                        .anyMatch(f -> "world".equals(f.path("kind").asText())
                                && announcement.equals(f.path("text").asText())));
            }

            String blocked = atGate.ok("go gate").path("text");
            assertEquals("The way through the gate is closed by the storm. You will have to wait it out.", blocked);
            String look = inTown.ok("look").path("text");
            assertTrue(look.contains(world.event("storm").orElseThrow().ambience()), look);
            atGate.ok("look").then().body("location.now.event", equalTo("storm"));

            asAdmin().delete("/api/admin/world/events/current").then().statusCode(200).body("event", nullValue())
                    .body("audit[0].action", equalTo("end"));
            String ending = world.event("storm").orElseThrow().ending();
            await().atMost(WAIT).until(() -> outbox(inTown.id()).stream()
                    .anyMatch(f -> ending.equals(f.path("text").asText())));
            atGate.ok("go gate").then().body("player.locationId", equalTo("forest-road"));
        } finally {
            atGate.disconnect();
            inTown.disconnect();
        }
    }

    @Test
    void aKilledCreatureComesBackAndItsRoomIsTold() throws Exception {
        TestPlayer player = TestPlayer.register();
        asAdmin().body(Map.of("locationId", "cellar")).post("/api/admin/players/" + player.id() + "/move").then()
                .statusCode(200);
        player.ok("look");
        long died = System.currentTimeMillis() - 1_000;
        String rat = world.locations().get("cellar").creatures().get(0);
        CreatureState dead = new CreatureState(rat, 0, died);
        new Database(dataSource).update("update location_state set creatures = cast(? as jsonb) where location_id = ?",
                json.writeValueAsString(Map.of(rat, dead)), "cellar");
        player.connect();
        try {
            List<RespawnWatcher.Back> back = respawns.sweep(System.currentTimeMillis()).await().atMost(WAIT);
            assertEquals(List.of(new RespawnWatcher.Back("cellar", rat)), back);
            String name = world.creature(rat).orElseThrow().name();
            await().atMost(WAIT).until(() -> outbox(player.id()).stream()
                    .anyMatch(f -> "respawn".equals(f.path("kind").asText()) && f.path("text").asText().contains(name)));
            assertEquals(List.of(), respawns.sweep(System.currentTimeMillis()).await().atMost(WAIT), "told once");
            Map<String, Object> row = new Database(dataSource).one(
                    "select creatures::text as c from location_state where location_id = ?", "cellar");
            assertTrue(row.get("c").toString().contains("\"respawnAt\": 0"), row.toString());
        } finally {
            player.disconnect();
        }
    }

    private List<JsonNode> outbox(String playerId) {
        return redis.stream(String.class).xrange(RedisKeys.outbox(playerId), StreamRange.of("-", "+"))
                .stream().map(entry -> read(entry.payload().get("f"))).toList();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
