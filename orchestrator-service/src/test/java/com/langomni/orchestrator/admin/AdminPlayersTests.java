package com.langomni.orchestrator.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.langomni.api.bus.Channels;
import com.langomni.orchestrator.game.rules.model.Exit;
import com.langomni.orchestrator.game.rules.model.World;
import com.langomni.orchestrator.common.RedisKeys;
import com.langomni.orchestrator.support.Database;
import com.langomni.orchestrator.support.PlayerChannel;
import com.langomni.orchestrator.support.TestAdmin;
import com.langomni.orchestrator.support.TestPlayer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin's players: list, search, detail, and kick, move and reset-hp done the way an action is. */
@QuarkusTest
class AdminPlayersTests {

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    World world;

    private final List<PubSubCommands.RedisSubscriber> subscribers = new CopyOnWriteArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscribers.forEach(PubSubCommands.RedisSubscriber::unsubscribe);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", TestAdmin.bearer());
    }

    @Test
    void theListSearchesByNameAndPutsOnlinePlayersFirst() {
        String prefix = TestPlayer.uniquePrefix();
        TestPlayer ada = TestPlayer.register(prefix + "ada");
        TestPlayer bram = TestPlayer.register(prefix + "Bram");
        TestPlayer cora = TestPlayer.register(prefix + "cora");
        cora.connect();
        try {
            bram.ok("look");
            bram.ok("inventory");

            admin().queryParam("q", prefix.toUpperCase()).get("/api/admin/players").then()
                    .statusCode(200)
                    .body("total", equalTo(3))
                    .body("players.name", contains(cora.name(), ada.name(), bram.name()))
                    .body("players.online", contains(true, false, false))
                    .body("players[1].role", equalTo("player"))
                    .body("players[1].locationId", equalTo(world.startLocationId()))
                    .body("players[1].locationName", equalTo(world.locations().get(world.startLocationId()).name()))
                    .body("players[1].hp", greaterThan(0))
                    .body("players[1].lastAction", nullValue())
                    .body("players[1].actionsToday", equalTo(0))
                    .body("players[2].lastAction.text", equalTo("inventory"))
                    .body("players[2].lastAction.at", greaterThan(0L))
                    .body("players[2].actionsToday", equalTo(2));

            admin().queryParam("q", prefix).queryParam("limit", 1).queryParam("offset", 1).get("/api/admin/players")
                    .then().statusCode(200).body("total", equalTo(3)).body("players.name", contains(ada.name()));
        } finally {
            cora.disconnect();
        }
    }

    @Test
    void searchWildcardsAreTakenLiterally() {
        admin().queryParam("q", "%").get("/api/admin/players").then()
                .statusCode(200).body("total", equalTo(0)).body("players", empty());
        admin().queryParam("q", "_").get("/api/admin/players").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badPagingIsABadRequest() {
        for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "201"), Map.of("limit", "ten"),
                Map.of("offset", "-1"))) {
            admin().queryParams(query).get("/api/admin/players").then()
                    .statusCode(400).body("code", equalTo("bad_request"));
        }
    }

    @Test
    void theDetailHasInventoryCreationAndNewestEventsFirst() {
        TestPlayer player = TestPlayer.register();
        player.ok("look");
        player.ok("say hello, admin");

        admin().get("/api/admin/players/" + player.id()).then()
                .statusCode(200)
                .body("id", equalTo(player.id()))
                .body("name", equalTo(player.name()))
                .body("online", equalTo(false))
                .body("inventory", empty())
                .body("createdAt", greaterThan(0L))
                .body("actionsToday", equalTo(2))
                .body("lastAction.text", equalTo("say hello, admin"))
                .body("recentEvents.text", contains("say hello, admin", "look"))
                .body("recentEvents[0].verb", equalTo("say"))
                .body("recentEvents[0].success", equalTo(true))
                .body("recentEvents[0].locationId", equalTo(world.startLocationId()))
                .body("recentEvents[1].message", not(emptyOrNullString()));
    }

    @Test
    void anUnknownPlayerIs404AndAMalformedId400() {
        String nobody = UUID.randomUUID().toString();
        admin().get("/api/admin/players/" + nobody).then().statusCode(404).body("code", equalTo("not_found"));
        admin().get("/api/admin/players/not-a-uuid").then().statusCode(400).body("code", equalTo("bad_request"));
        admin().post("/api/admin/players/" + nobody + "/kick").then().statusCode(404);
        admin().post("/api/admin/players/" + nobody + "/reset-hp").then().statusCode(404);
        admin().contentType(ContentType.JSON).body(Map.of("locationId", world.startLocationId()))
                .post("/api/admin/players/" + nobody + "/move").then().statusCode(404).body("code", equalTo("not_found"));
        admin().post("/api/admin/players/nope/kick").then().statusCode(400);
    }

    @Test
    void aKickTellsTheGatewaysToCloseThePlayersSockets() {
        TestPlayer player = TestPlayer.register();
        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            admin().post("/api/admin/players/" + player.id() + "/kick").then()
                    .statusCode(200).body("kicked", equalTo(true));
            await().atMost(Duration.ofSeconds(10)).until(() -> !channel.controls().isEmpty());
            assertEquals("kick", channel.controls().get(0).path("control").asText());
        }
    }

    @Test
    void aMoveChangesTheStateTellsBothRoomsAndThePlayer() {
        TestPlayer player = TestPlayer.register();
        player.connect();
        String from = world.startLocationId();
        String to = world.locations().keySet().stream().filter(id -> !id.equals(from)).findFirst().orElseThrow();
        String toName = world.locations().get(to).name();
        List<String> origin = subscribe(Channels.location(from));
        List<String> destination = subscribe(Channels.location(to));
        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            admin().contentType(ContentType.JSON).body(Map.of("locationId", to))
                    .post("/api/admin/players/" + player.id() + "/move").then()
                    .statusCode(200)
                    .body("locationId", equalTo(to))
                    .body("locationName", equalTo(toName))
                    .body("online", equalTo(true));

            player.get("/api/game/player/" + player.id()).then().statusCode(200).body("locationId", equalTo(to));
            assertEquals(to, new Database(dataSource).player(player.id()).get("location_id"));
            assertTrue(redis.hash(String.class).hexists(RedisKeys.presence(to), player.id()));
            assertTrue(!redis.hash(String.class).hexists(RedisKeys.presence(from), player.id()));

            await().atMost(Duration.ofSeconds(10)).until(() -> channel.frames("result").size() == 1
                    && origin.stream().anyMatch(m -> m.contains(player.name() + " vanishes."))
                    && destination.stream().anyMatch(m -> m.contains(player.name() + " appears.")));
            JsonNode result = channel.frames("result").get(0);
            assertTrue(result.path("actionId").asText().startsWith("admin-"), result::toString);
            assertEquals("rules", result.path("source").asText());
            assertEquals("An unseen hand carries you to " + toName + ".", result.path("text").asText());
            assertEquals(to, result.at("/player/locationId").asText());
            assertEquals(to, result.at("/location/id").asText());
            assertEquals("moved", channel.controls().get(0).path("control").asText());
            assertEquals(to, channel.controls().get(0).path("locationId").asText());
            assertTrue(origin.stream().anyMatch(m -> m.contains("\"left\"") && m.contains(player.id())));
            assertTrue(destination.stream().anyMatch(m -> m.contains("\"arrived\"")));
        } finally {
            player.disconnect();
        }
    }

    @Test
    void movingAnOfflinePlayerTellsNoRoom() {
        TestPlayer offline = TestPlayer.register();
        TestPlayer online = TestPlayer.register();
        online.connect();
        String to = otherThanStart();
        List<String> destination = subscribe(Channels.location(to));
        try {
            admin().contentType(ContentType.JSON).body(Map.of("locationId", to))
                    .post("/api/admin/players/" + offline.id() + "/move").then().statusCode(200)
                    .body("locationId", equalTo(to)).body("online", equalTo(false));
            admin().contentType(ContentType.JSON).body(Map.of("locationId", to))
                    .post("/api/admin/players/" + online.id() + "/move").then().statusCode(200);
            // one channel delivers in order: once the online player's arrival is here, the other's would be too
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> destination.stream().anyMatch(m -> m.contains(online.name() + " appears.")));
            assertTrue(destination.stream().noneMatch(m -> m.contains(offline.name())), destination::toString);
            assertTrue(!redis.hash(String.class).hexists(RedisKeys.presence(to), offline.id()));
        } finally {
            online.disconnect();
        }
    }

    @Test
    void anAdminMoveRacingThePlayersOwnMoveLeavesThemInOnePlace() throws Exception {
        TestPlayer player = TestPlayer.register();
        player.connect();
        String start = world.startLocationId();
        Exit exit = world.location(start).orElseThrow().exits().get(0);
        String elsewhere = world.locations().keySet().stream()
                .filter(id -> !id.equals(start) && !id.equals(exit.to())).findFirst().orElseThrow();
        try {
            for (int round = 0; round < 4; round++) {
                admin().contentType(ContentType.JSON).body(Map.of("locationId", start))
                        .post("/api/admin/players/" + player.id() + "/move").then().statusCode(200);
                CompletableFuture<Integer> own = CompletableFuture.supplyAsync(
                        () -> player.act("go " + exit.direction()).statusCode());
                admin().contentType(ContentType.JSON).body(Map.of("locationId", elsewhere))
                        .post("/api/admin/players/" + player.id() + "/move").then().statusCode(200);
                assertEquals(200, own.get(30, TimeUnit.SECONDS));

                String at = player.get("/api/game/player/" + player.id()).then().statusCode(200)
                        .extract().path("locationId");
                List<String> present = world.locations().keySet().stream()
                        .filter(id -> redis.hash(String.class).hexists(RedisKeys.presence(id), player.id())).toList();
                assertEquals(List.of(at), present, "round " + round);
            }
        } finally {
            player.disconnect();
        }
    }

    private String otherThanStart() {
        return world.locations().keySet().stream().filter(id -> !id.equals(world.startLocationId()))
                .findFirst().orElseThrow();
    }

    @Test
    void aMoveToAPlaceTheWorldLacksIsRefusedAndChangesNothing() {
        TestPlayer player = TestPlayer.register();
        admin().contentType(ContentType.JSON).body(Map.of("locationId", "atlantis"))
                .post("/api/admin/players/" + player.id() + "/move").then()
                .statusCode(400).body("code", equalTo("bad_request"));
        admin().contentType(ContentType.JSON).body("{}")
                .post("/api/admin/players/" + player.id() + "/move").then().statusCode(400);
        admin().contentType(ContentType.JSON).body("{\"locationId\":")
                .post("/api/admin/players/" + player.id() + "/move").then().statusCode(400);
        assertEquals(world.startLocationId(), new Database(dataSource).player(player.id()).get("location_id"));
    }

    @Test
    void resetHpRestoresTheMaximumAndTellsThePlayer() {
        TestPlayer player = TestPlayer.register();
        Database db = new Database(dataSource);
        db.update("update players set hp = 1, version = version + 1 where id = ?::uuid", player.id());
        redis.key(String.class).del(RedisKeys.playerState(player.id())); // as if hurt in a fight
        int maxHp = ((Number) db.player(player.id()).get("max_hp")).intValue();
        try (PlayerChannel channel = new PlayerChannel(redis, json, player.id())) {
            admin().post("/api/admin/players/" + player.id() + "/reset-hp").then()
                    .statusCode(200).body("hp", equalTo(maxHp)).body("maxHp", equalTo(maxHp));

            assertEquals(maxHp, ((Number) db.player(player.id()).get("hp")).intValue());
            player.get("/api/game/player/" + player.id()).then().body("hp", equalTo(maxHp));
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.frames("result").size() == 1);
            JsonNode result = channel.frames("result").get(0);
            assertEquals("You feel whole again.", result.path("text").asText());
            assertEquals(maxHp, result.at("/player/hp").asInt());
        }
    }

    private List<String> subscribe(String channel) {
        List<String> received = new CopyOnWriteArrayList<>();
        subscribers.add(redis.pubsub(String.class).subscribe(channel, received::add));
        return received;
    }
}
